"""上下游交叉营销：我行优质客户（如 :func:`~ruralfin.segments.performing_borrowers` 找出的）的供应商和
买家中，还不是我行客户的，按透明的打分排序（:func:`supply_chain_prospects`）。"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import (
    bool_column,
    check_frame,
    check_instance,
    check_int,
    check_number,
    fmt_list,
    key_columns,
    same_key_type,
    schema_columns,
)
from ..errors import RuralfinTypeError, RuralfinValueError

__all__ = ["SUPPLY_CHAIN_WEIGHTS", "supply_chain_prospects"]

#: 供应链潜在客户打分的默认权重（满分 100）：关联的优质客户数、份额合计、平均合作年限。
SUPPLY_CHAIN_WEIGHTS = {"links": 50.0, "share": 30.0, "years": 20.0}

_COUNTERPARTY_INFO = ["counterparty_name", "counterparty_type", "counterparty_entity_id"]


def supply_chain_prospects(
    supply_chain: pd.DataFrame,
    good_customers: Iterable[Any],
    *,
    entities: pd.DataFrame | None = None,
    weights: dict[str, float] | None = None,
    links_cap: int = 5,
    years_cap: float = 10.0,
    entity_id: str = "entity_id",
    counterparty_key: str = "counterparty_key",
    counterparty_banks_with_us: str = "counterparty_banks_with_us",
) -> pd.DataFrame:
    """上下游交叉营销：我行优质客户的供应商和买家中，还不是我行客户的，按分数排序。

    打分（满分 100，权重可改，见 :data:`SUPPLY_CHAIN_WEIGHTS`）：

    - 关联度 = ``links`` × min(关联的优质客户数 / ``links_cap``, 1)：被越多优质客户提到，
      越可能是当地的关键节点（合作社、批发市场、龙头企业），一次营销能串起一条链；
    - 份额 = ``share`` × min(在这些客户采购或销售中的份额合计, 1)：份额越大，交易越真实、
      资金往来越多；
    - 稳定性 = ``years`` × min(平均合作年限 / ``years_cap``, 1)。

    “不是我行客户”以供应链表中的 ``counterparty_banks_with_us`` 为准：任何一条记录显示
    对方已是我行客户就排除。

    Parameters
    ----------
    supply_chain : DataFrame
        示范县 ``supply_chain`` 表（每行一条 主体 → 交易对手 的关系）。
    good_customers : iterable
        我行优质客户的主体编号，例如
        ``performing_borrowers(loan_monthly).query("is_performing")["entity_id"]``。
    entities : DataFrame, optional
        主体表；给出时为县内的交易对手补上客群、行业、乡镇、村。
    weights : dict, optional
        覆盖默认权重，键为 ``links``、``share``、``years``。
    links_cap : int, default 5
        关联客户数达到多少算满分。
    years_cap : float, default 10.0
        平均合作年限达到多少年算满分。
    entity_id, counterparty_key, counterparty_banks_with_us : str
        主体编号、交易对手编号、对方是否我行客户列。编号不许缺失；``share``（0–1）、
        ``relationship_years`` 不许缺失或越界；``good_customers`` 的编号要与 ``entity_id`` 同类型。

    Returns
    -------
    DataFrame
        每个潜在客户一行：``rank``、``counterparty_key``、``counterparty_name``、
        ``counterparty_type``、``counterparty_entity_id``、``n_links``、``n_as_supplier``
        （作为我行客户的上游供应商的次数）、``n_as_buyer``（作为下游买家的次数）、
        ``total_trade_share``、``mean_relationship_years``、``prospect_score``，以及（给了 ``entities`` 时）
        ``customer_group``、``industry``、``township``、``village``。按分数从高到低。

    Examples
    --------
    >>> import pandas as pd
    >>> sc = pd.DataFrame({
    ...     "entity_id": [1, 2, 3, 1],
    ...     "counterparty_key": ["M1", "M1", "M1", "C9"],
    ...     "counterparty_name": ["甲批发市场"] * 3 + ["乙合作社"],
    ...     "counterparty_type": ["wholesale_market"] * 3 + ["coop"],
    ...     "direction": ["downstream"] * 3 + ["upstream"],
    ...     "share": [0.3, 0.2, 0.1, 0.5], "relationship_years": [5, 10, 3, 2],
    ...     "counterparty_banks_with_us": [False] * 4})
    >>> supply_chain_prospects(sc, [1, 2])[["rank", "counterparty_key", "n_links", "prospect_score"]]
       rank counterparty_key  n_links  prospect_score
    0     1               M1        2            50.0
    1     2               C9        1            29.0
    """
    check_frame(supply_chain, ["share", "relationship_years", "direction"], name="supply_chain")
    schema_columns(supply_chain, "supply_chain", ["share", "relationship_years"])
    entity = key_columns(supply_chain, entity_id, param="entity_id", frame="supply_chain")[0]
    key = key_columns(supply_chain, counterparty_key, param="counterparty_key", frame="supply_chain")[0]
    flag = bool_column(supply_chain, counterparty_banks_with_us, param="counterparty_banks_with_us",
                       frame="supply_chain")
    if isinstance(good_customers, (str, bytes)) or not isinstance(good_customers, Iterable):
        raise RuralfinTypeError(
            f"参数 good_customers 应为主体编号的列表或 Series，实际是 {type(good_customers).__name__}"
        )
    good_ids = pd.DataFrame({entity: pd.Series(list(good_customers)).dropna()})
    if good_ids.empty:
        raise RuralfinValueError("参数 good_customers 是空的：至少需要一个优质客户的主体编号")
    key_columns(good_ids, entity, param="good_customers", frame="good_customers")
    same_key_type(("good_customers", good_ids, entity), ("supply_chain", supply_chain, entity))
    good = set(good_ids[entity].tolist())
    w = dict(SUPPLY_CHAIN_WEIGHTS)
    if check_instance(weights, Mapping, "weights", allow_none=True) is not None:
        bad = sorted(set(weights) - set(w))
        if bad:
            raise RuralfinValueError(f"参数 weights 不认识的键：{fmt_list(bad)}；可用：links、share、years")
        w.update({k: check_number(v, f"weights['{k}']", min_value=0) for k, v in weights.items()})
    cap_links = check_int(links_cap, "links_cap", min_value=1)
    cap_years = check_number(years_cap, "years_cap", min_value=1e-9)
    already = set(supply_chain.loc[flag, key])
    sel = supply_chain[entity].isin(good).to_numpy() & ~supply_chain[key].isin(already).to_numpy()
    edges = supply_chain[sel]
    direction = edges["direction"].astype(object)
    work = pd.DataFrame({
        key: edges[key].to_numpy(),
        "_entity": edges[entity].to_numpy(),
        "_sup": (direction == "upstream").to_numpy().astype("int64"),
        "_buy": (direction == "downstream").to_numpy().astype("int64"),
        "_share": edges["share"].to_numpy(dtype=float),
        "_years": edges["relationship_years"].to_numpy(dtype=float),
    })
    for c in _COUNTERPARTY_INFO:
        if c in edges.columns:
            work[c] = edges[c].reset_index(drop=True)  # 保留原类型（如可空整数 Int32）
    g = work.groupby(key, sort=True)
    res = pd.DataFrame({
        "n_links": g["_entity"].nunique(),
        "n_as_supplier": g["_sup"].sum(),
        "n_as_buyer": g["_buy"].sum(),
        "total_trade_share": g["_share"].sum(),
        "mean_relationship_years": g["_years"].mean(),
    })
    for c in _COUNTERPARTY_INFO:
        if c in work.columns:
            res.insert(0, c, g[c].first())
    res = res[[c for c in _COUNTERPARTY_INFO if c in res]
              + ["n_links", "n_as_supplier", "n_as_buyer", "total_trade_share", "mean_relationship_years"]]
    res["prospect_score"] = (
        w["links"] * np.minimum(res["n_links"] / cap_links, 1.0)
        + w["share"] * np.minimum(res["total_trade_share"], 1.0)
        + w["years"] * np.minimum(res["mean_relationship_years"] / cap_years, 1.0)
    )
    res = res.reset_index()
    if entities is not None and "counterparty_entity_id" in res.columns:
        check_frame(entities, [entity], name="entities")
        key_columns(entities, entity, param="entity_id", frame="entities", unique=True)
        local = res[res["counterparty_entity_id"].notna()]
        same_key_type(("supply_chain", local, "counterparty_entity_id"), ("entities", entities, entity))
        info = [c for c in ["customer_group", "industry", "township", "village"] if c in entities.columns]
        extra = entities[[entity] + info].rename(columns={entity: "counterparty_entity_id"})
        res = res.merge(extra, on="counterparty_entity_id", how="left")
    res = res.sort_values(["prospect_score", "n_links", key], ascending=[False, False, True], kind="stable")
    res.insert(0, "rank", np.arange(1, len(res) + 1))
    return res.reset_index(drop=True)
