sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
2ede1f9d4d0a9a26f09a3a1e86bb3d941658038861e0b806cc713a4959cee987

— gateway.example.com/prod-audit Rh+TrX62swiqsOpjJUG3Jf6OHQWLmS6yHcs9o/ncDpfyLaCVljS1RF0myp/cjIl4L+dkamQA4ZgpwCvSCGAcxUGlLQ0=
