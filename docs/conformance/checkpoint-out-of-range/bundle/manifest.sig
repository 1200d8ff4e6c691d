sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
78c627ab247ae35875ef9b3691d8a057a8f16380dc71484a8e56da80c03201a8

— gateway.example.com/prod-audit Rh+TrdsQI/SiWWB2ZFmz3x1pkZNKY8mzd5k59Gb8lx3FDrqo1wLdaL8f3bWGZUKsPEUJx9tZjWM+YbX//eUuweGi9gU=
