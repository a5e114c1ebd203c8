import { Badge } from '../ui/Badge.tsx';

/** How many units a choice has left, in words: "In stock", "Only 2 left", "Out of stock". */
export function stockText(stock: number): string {
  if (stock <= 0) return 'Out of stock';
  if (stock <= 5) return `Only ${stock} left`;
  return 'In stock';
}

export function StockBadge({ stock }: { stock: number }) {
  const tone = stock <= 0 ? 'neutral' : stock <= 5 ? 'warning' : 'success';
  return <Badge tone={tone}>{stockText(stock)}</Badge>;
}
