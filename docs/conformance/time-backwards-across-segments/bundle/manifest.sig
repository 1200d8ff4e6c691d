sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
c7d28425b8892cac093a835af64e57a3bf567f513f9038a693ac12966d3ef553

— gateway.example.com/prod-audit Rh+TrTiQVYtg5L33Wv6JJm74bvxK5Uy07EEJTwLFgOwL9VAqlDTfO6/ERIKTkkmrMRdsn5fdbb+gqTolp/8f0fPsNgg=
