sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
4b510995d4784b9b9601e46792d715832fa1b878bfbfa8d755dea61ff720ba93

— gateway.example.com/prod-audit Rh+TrX1L9PFrIlk/0XAxrTcjDVHhrjfkPNMmGKDomD8vQIxOiCGugzbDCO/cXsNl+5n9LEjvsrSQ2aCfcmEQ138r2A0=
