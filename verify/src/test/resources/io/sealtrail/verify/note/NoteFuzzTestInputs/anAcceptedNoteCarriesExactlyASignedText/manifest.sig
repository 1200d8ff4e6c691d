sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
81780aa17f31f428b0a533a57dcd08af549462212e23ea0e6c1171a59815fa61

— gateway.example.com/prod-audit Rh+TrbA0wMjPjdLBPWdirLgBfYCFhpFXvPCcI0M6H8vsvCg4F9+F6DotOXk7oehp/vrmXWttWBkf0fxeRG+HjQy/oQE=
