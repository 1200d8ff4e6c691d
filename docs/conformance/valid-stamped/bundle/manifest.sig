sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
bb244ba47b7ca248e3ef06f381e44d4bb3e691caff92d079cfdcc31e27ac24cf

— gateway.example.com/prod-audit Rh+TrWEcfhBy6Vb2i1JmF1yyciYtpkFA3sE/RRKj3Cm/gcZ6NjhpkgtRLgUA+2die4UkkYfjFHfh/NAtBgMGC6GQhQo=
