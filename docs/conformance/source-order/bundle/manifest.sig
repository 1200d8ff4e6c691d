sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
44a8db327c7d88d9525a5c6bd340ee691bd162aec4c81ecf3dc1a534fd89e176

— gateway.example.com/prod-audit Rh+Trep+HWXRGr3+uNMB37lGaBC8pcLYpMgKgbtGFAFlHq9Z5kOf3V9CbKhXMhvVFOagmpMmr24m/ijoEchR9SPn0Ag=
