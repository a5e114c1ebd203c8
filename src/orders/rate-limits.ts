import type { Config } from '../config.ts';

/**
 * Per-route limits for the endpoints worth guessing at (checkout, card tokens, order lookup), as a share of
 * the global RATE_LIMIT_PER_MINUTE so one setting tunes them all: 600/min globally gives 30/min here.
 */
export function sensitiveRouteLimit(config: Pick<Config, 'RATE_LIMIT_PER_MINUTE'>, share = 20) {
  return { max: Math.max(1, Math.floor(config.RATE_LIMIT_PER_MINUTE / share)), timeWindow: '1 minute' };
}
