sealtrail.io/bundle-manifest/v1
gateway.example.com/prod-audit
75a192ca-7974-3dbe-b884-00a8b7162627
9725397ce09afebc7d9c0b73ee24682eac720475020e34ca90a6f21b6086db5e

— gateway.example.com/prod-audit Rh+TrdfSH6jCb33FMSay2ZPsQh/8SDdmZ+p++MOmjzvhsPeDCo3x+47li7TGvqPRiDrtb8sw0bzSK6q8yVHz20kKdQc=
