sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
4ff56b91220932ac229936c22133e512fce521796b82e7493aa8b861f204af16

— gateway.example.com/prod-audit Rh+TrZ7c6PoTRMi3hOb5W5nXETMOMn+lOQ8I0pb8/CHT7oOBI+kxuCoTDaTm5NbkJjsfMWPp+bVglrXpvwKFjCH/fQI=
