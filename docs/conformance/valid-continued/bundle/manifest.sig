sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
75a192ca-7974-3dbe-b884-00a8b7162627
b802d278fcf9aa3301d138a8925ca1104c8a96dd3c24f0ab4f8a6aa96713fd6a

— gateway.example.com/prod-audit Rh+TrXU5wBtqqrdBcYQPKOB3cuCU/uoh3zq/LVEP/iNjcHMuNuZQfBADfHpqV5XxKZy4diAWCLzRRdFOkBI6pg0r0Qw=
