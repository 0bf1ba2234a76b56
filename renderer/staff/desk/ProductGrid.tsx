import simIcon from '@material-symbols/svg-400/rounded/sim_card.svg';
import { useTranslation } from 'react-i18next';
import type { DeskProduct } from '../../../main/contract/ipc-contract';
import { Icon } from '../../kit/Icon';
import { formatMoney } from './money';

/** The recharges on sale, with their price, value and stock (low stock flagged). */
export function ProductGrid({
  products,
  onChoose,
}: {
  products: DeskProduct[];
  onChoose: (productId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, i18n.language);
  return (
    <div className="desk__products">
      <h3 className="desk__subtitle">{t('desk.products')}</h3>
      <div className="desk__grid">
        {products.map((product) => (
          <button
            key={product.id}
            type="button"
            className="big-button desk__product"
            data-product={product.id}
            disabled={product.inStock === 0}
            onClick={() => onChoose(product.id)}
          >
            <Icon src={simIcon} size={48} />
            <span className="desk__product-name">{product.label}</span>
            <span>{t('desk.price', { amount: money(product.priceCents) })}</span>
            <span>{t('desk.value', { amount: money(product.faceValueCents) })}</span>
            <span className={product.low ? 'desk__stock desk__stock--low' : 'desk__stock'}>
              {product.inStock === 0
                ? t('desk.empty')
                : `${t('desk.stock', { count: product.inStock })}${product.low ? ` · ${t('desk.low')}` : ''}`}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
