// Log Analytics workspace and the workspace-based Application Insights component.

@description('Azure region for the monitoring resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Days to keep logs in the workspace.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('When true, ingestion requires Entra ID auth (Monitoring Metrics Publisher); instrumentation-key-only ingestion is refused.')
param disableLocalAuth bool

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: disableLocalAuth
  }
}

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name
