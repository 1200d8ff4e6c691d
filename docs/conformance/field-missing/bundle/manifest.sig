sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
4d790db863ec59e589d9e3697400ac4711ed3eb60d9cee9b61b300387fb79263

— gateway.example.com/prod-audit Rh+Trf3dX4qNw0fp9Qyj7wZnwylOR+P5Vj5X8OxOaEIcicWhkfZadDZ5oL4OhhyqxHi0zojgPSQStlsq2ZVB+z/Zagc=
