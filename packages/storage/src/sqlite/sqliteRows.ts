import type { CycleReport, Decision, Fill, OrderIntent, OrderSide, OrderStatus, OrderType } from '@sextant/core';
import type { ModelRecord, OrderRecord } from './DurableStateStore.type.js';

/** A row of the `orders` table. */
export interface OrderRow {
  client_order_id: string;
  order_id: string | null;
  symbol: string;
  side: string;
  type: string;
  amount: number | null;
  price: number | null;
  status: string;
  filled: number;
  timestamp: number;
  reason: string;
  reduce_only: number;
  intent_json: string | null;
  updated_at: number;
}

/** @internal */
export function orderFromRow(r: OrderRow): OrderRecord {
  return {
    id: r.order_id ?? '',
    clientOrderId: r.client_order_id,
    symbol: r.symbol,
    side: r.side as OrderSide,
    type: r.type as OrderType,
    amount: r.amount ?? 0,
    ...(r.price === null ? {} : { price: r.price }),
    status: r.status as OrderStatus,
    filled: r.filled,
    timestamp: r.timestamp,
    reason: r.reason,
    reduceOnly: r.reduce_only === 1,
    ...(r.intent_json === null ? {} : { intent: JSON.parse(r.intent_json) as OrderIntent }),
    updatedAt: r.updated_at,
  };
}

/** @internal */
export function fillFromRow(r: Record<string, unknown>): Fill {
  return {
    orderId: r.order_id as string,
    clientOrderId: r.client_order_id as string,
    symbol: r.symbol as string,
    side: r.side as OrderSide,
    amount: r.amount as number,
    price: r.price as number,
    fee: r.fee as number,
    feeCurrency: r.fee_currency as string,
    timestamp: r.timestamp as number,
    reason: r.reason as string,
    ...(typeof r.trade_id === 'string' ? { tradeId: r.trade_id } : {}),
  };
}

/** @internal */
export function decisionFromRow(r: Record<string, unknown>): Decision {
  return {
    symbol: r.symbol as string,
    timestamp: r.timestamp as number,
    action: r.action as Decision['action'],
    confidence: r.confidence as number,
    predictions: JSON.parse(r.predictions_json as string) as Record<string, number>,
    reasons: JSON.parse(r.reasons_json as string) as string[],
  };
}

/** @internal */
export function cycleFromRow(r: Record<string, unknown>): CycleReport {
  return {
    symbol: r.symbol as string,
    timestamp: r.timestamp as number,
    ok: r.ok === 1,
    ...(r.failed_stage === null ? {} : { failedStage: r.failed_stage as string }),
    timings: JSON.parse(r.timings_json as string) as Record<string, number>,
    equity: r.equity as number,
  };
}

/** @internal */
export function modelFromRow(r: Record<string, unknown>): ModelRecord {
  return {
    name: r.name as string,
    version: r.version as string,
    createdAt: r.created_at as number,
    ...(r.path === null ? {} : { path: r.path as string }),
    ...(r.feature_hash === null ? {} : { featureHash: r.feature_hash as string }),
    params: JSON.parse(r.params_json as string) as Record<string, unknown>,
  };
}
