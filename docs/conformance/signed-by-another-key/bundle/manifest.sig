sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
56bb2172c4b17918cdd2c7607a3dc9817d902dbbc7012814e20daa9b03b81afe

— gateway.example.com/prod-audit PWn/yDS+vi46kg2ADZIj8mCo2Spht70QkTz6rbHzeyZLOMkNFp1+MYYzua462UV5yt2dlgC5la6LLM1R1apfU/deZAY=
