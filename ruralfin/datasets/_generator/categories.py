"""七大数据里由主体经营情况派生的表：收款方式（阶段 5）、风险收益与成本结构、月度销售与行业表（阶段 17）、
结算方式、软信息与客户消费行为（阶段 18）。供应链见 ``supply_chain``。"""

from __future__ import annotations

import numpy as np

from ...schema import SUB_INDUSTRIES
from .. import _story as story
from .common import INDUSTRY_CODE, SUB_PARENT_CODE, by_key, sub_codes
from .state import Population, ReceiptMix

__all__ = ["make_receipt_mix"]


def make_receipt_mix(rng, population: Population) -> ReceiptMix:
    """每个主体收款里现金、转账、扫码、赊销的份额（围绕细分行业的典型占比随机波动）。"""
    sub = population.sub_industry
    cash = by_key(story.CASH_SHARE, SUB_INDUSTRIES)[sub]
    is_retail = np.isin(sub, sub_codes(story.RETAIL_SUBS))
    is_b2b = np.isin(sub, sub_codes(story.B2B_SUBS))
    qr_mobile = np.where(is_retail, story.QR_SHARE_RETAIL, story.QR_SHARE_OTHER)
    is_agri = SUB_PARENT_CODE[sub] == INDUSTRY_CODE["agri_production"]
    credit = np.where(is_b2b, story.TRADE_CREDIT_SHARE_B2B,
                      np.where(is_agri, story.TRADE_CREDIT_SHARE_AGRI, story.TRADE_CREDIT_SHARE_OTHER))
    transfer = np.maximum(1 - cash - qr_mobile - credit, story.MIN_TRANSFER_SHARE)
    alpha = np.stack([cash, transfer, qr_mobile, credit], 1) * story.RECEIPT_CONCENTRATION + story.RECEIPT_CONCENTRATION_FLOOR
    shares = rng.gamma(alpha)
    shares /= shares.sum(1, keepdims=True)
    shares = np.round(shares, 3)
    shares[:, 1] = np.round(1 - shares[:, 0] - shares[:, 2] - shares[:, 3], 3)
    shares = np.clip(shares, 0, 1)
    return ReceiptMix(shares=shares, is_retail=is_retail, is_b2b=is_b2b)
