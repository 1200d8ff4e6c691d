sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
405f49629df6e943de301dbde57986efcc5b64c1d1b89a1cef98f0ad1ecfc571

— gateway.example.com/prod-audit Rh+TrbVVDiao9B8oIhDJkRwjT7Jd+dIVhZzhHSb0XogKrId17f0f1+5Ead3b08g+wTZP3EAsW05b4mLf+uq2EpoGbAo=
