sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
947cf01ef0721e06b9c1e3950a3da1fd567b43aebea0a95e48de45edd07b7eaf

— gateway.example.com/prod-audit Rh+Trc13E1LXfQAwKZ45S6pR5Of6c1Anvf+k+8ont6f9VGdLB+emH9e3e75AGA5hWQrtmcDuK+4o1QQ8LwPU58mBogw=
