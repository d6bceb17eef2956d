/**
 * The credential every live pull uses: `DefaultAzureCredential`, so `az login`,
 * environment variables (service principal), workload and managed identity all
 * work, and `AZURE_TOKEN_CREDENTIALS` can pin one of them.
 */
import { DefaultAzureCredential, type TokenCredential } from "@azure/identity";
import type { Cloud } from "./cloud.js";
import { LiveError } from "./errors.js";

export interface CredentialOptions {
  readonly tenant?: string;
  readonly cloud: Cloud;
}

export function createCredential(options: CredentialOptions): TokenCredential {
  try {
    return new DefaultAzureCredential({
      ...(options.tenant ? { tenantId: options.tenant } : {}),
      // Sign in at the chosen cloud's authority, unless the environment names one.
      ...(options.cloud.name !== "public" && !process.env.AZURE_AUTHORITY_HOST ? { authorityHost: options.cloud.authorityHost } : {}),
    });
  } catch (e) {
    // e.g. an AZURE_TOKEN_CREDENTIALS value the SDK does not know.
    const message = ((e as Error)?.message ?? String(e)).split("\n")[0];
    throw new LiveError("credential", `cannot set up the Azure credential: ${message}`);
  }
}
