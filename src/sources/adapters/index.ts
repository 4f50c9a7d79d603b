// The adapter for a force: its platform's code over its platform's data plus the force's overrides.
import type { Force } from '../registry.js';
import { configForForce, type PlatformConfig } from '../platforms.js';
import * as generic from './generic.js';
import * as policeScotland from './police-scotland.js';
import * as psni from './psni.js';
import * as singleOnlineHome from './single-online-home.js';
import type { Adapter } from './types.js';
import * as westMidlands from './west-midlands.js';

const BY_PLATFORM: Record<string, (cfg: PlatformConfig) => Adapter> = {
  'single-online-home': singleOnlineHome.createAdapter,
  'west-midlands': westMidlands.createAdapter,
  psni: psni.createAdapter,
  'police-scotland': policeScotland.createAdapter,
  generic: generic.createAdapter,
};

export function adapterFor(force: Force): Adapter {
  const cfg = configForForce(force);
  return (BY_PLATFORM[cfg.platform] ?? generic.createAdapter)(cfg);
}

export type { Adapter, AttachmentLink, Discovery, DiscoveryVia, ListingItem, PagingVia } from './types.js';
