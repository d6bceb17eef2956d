/**
 * Where each Azure cloud's services live, and the token scope each one wants.
 * The Logs query client ignores its `audience` option, so kqlgen always passes
 * the scope explicitly.
 */
export const CLOUDS = ["public", "usgov", "china"] as const;
export type CloudName = (typeof CLOUDS)[number];

export interface Cloud {
  readonly name: CloudName;
  /** Microsoft Entra ID sign-in host (for the credential). */
  readonly authorityHost: string;
  /** Log Analytics query API, `/v1` included: the SDK uses the endpoint verbatim. */
  readonly logAnalyticsEndpoint: string;
  readonly logAnalyticsScope: string;
  /** Microsoft Graph, `/v1.0` included. */
  readonly graphEndpoint: string;
  readonly graphScope: string;
}

export const CLOUD_SETTINGS: Readonly<Record<CloudName, Cloud>> = {
  public: {
    name: "public",
    authorityHost: "https://login.microsoftonline.com",
    logAnalyticsEndpoint: "https://api.loganalytics.io/v1",
    logAnalyticsScope: "https://api.loganalytics.io/.default",
    graphEndpoint: "https://graph.microsoft.com/v1.0",
    graphScope: "https://graph.microsoft.com/.default",
  },
  usgov: {
    name: "usgov",
    authorityHost: "https://login.microsoftonline.us",
    logAnalyticsEndpoint: "https://api.loganalytics.us/v1",
    logAnalyticsScope: "https://api.loganalytics.us/.default",
    graphEndpoint: "https://graph.microsoft.us/v1.0",
    graphScope: "https://graph.microsoft.us/.default",
  },
  china: {
    name: "china",
    authorityHost: "https://login.chinacloudapi.cn",
    logAnalyticsEndpoint: "https://api.loganalytics.azure.cn/v1",
    logAnalyticsScope: "https://api.loganalytics.azure.cn/.default",
    graphEndpoint: "https://microsoftgraph.chinacloudapi.cn/v1.0",
    graphScope: "https://microsoftgraph.chinacloudapi.cn/.default",
  },
};
