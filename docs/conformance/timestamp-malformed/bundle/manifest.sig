sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
baecf39040b05d3cb508de2f00f18982167697867c13274df6b391843ae25cec

— gateway.example.com/prod-audit Rh+Trd10TzOyp/K9vphoSzxP8LF1+WdsIJoQeUN7JAw/1u1QEOh9PaID1j66GUCufQ8S9up95VpX90VU0j861R1+VAg=
