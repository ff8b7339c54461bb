// Example parameters. Copy, adjust, then:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
using 'main.bicep'

param environmentName = 'prod'
param oidcClientId = '000000000000-example.apps.googleusercontent.com'
param oidcHostedDomain = 'penguinmails.com'
param staticWebAppLocation = 'westeurope'
param deployerPrincipalId = ''
