sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
d7a2d558-36b6-38cb-807b-e4bb9fac1804
ea4302bee5da79ffdb5c34e7add31969c537790fc35f9820372fcd8095d4563b

— gateway.example.com/prod-audit Rh+Trc+K+yMgYUIQglzpdnqXvaZMkk/2fFGKWMxx/e6WWWWxdN8TNRgyEuPjMgKPa78/wRuAG8FBrockcfR/0FjCFws=
