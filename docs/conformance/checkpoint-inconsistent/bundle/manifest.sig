sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
a79457941be55cc4eab9d647dd09076cc2dde3a3bfbfe67ed9c1947b5b81c33c

— gateway.example.com/prod-audit Rh+TrWKIIbJtwqDsJOvmikR+W7ohr0F2kDP5RbAcqDN2u8fd0+wiuwqUeFuEi631VsQiODKNcUT84/LXQeGfJtcQSgU=
