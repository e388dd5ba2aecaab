"""上下游供应链（七大数据 2，阶段 19）：每个主体的上游、下游对手，本县的优先找同乡镇的。"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...schema import SUB_INDUSTRIES, SUB_INDUSTRY_PARENT, get_table
from .. import _story as story
from .._frames import build
from .common import GROUP_CODE, N_SUB, SUB_CODE, expand_segments
from .state import EntityRecords, Population, Relationship

__all__ = ["make_supply_chain"]

UPSTREAM, DOWNSTREAM = 0, 1  # direction 列的编号
EXTERNAL_OPTION = 100  # 对手选项的编码：本县细分行业 0..N_SUB-1、县外对手 100 + 序号、本县合作社 200
COOP_OPTION = 200
_KEY_BASE = 100  # (细分行业, 乡镇) 合成一个键时乡镇的进位（乡镇不足 100 个）


def _option_code(option, external_index):
    if option in SUB_CODE:
        return SUB_CODE[option]
    if option == story.COOP_BUYER:
        return COOP_OPTION
    return EXTERNAL_OPTION + external_index[option]


def make_supply_chain(rng, population: Population, relationship: Relationship, records: EntityRecords):
    """供应链表：对手是本县主体的写主体编号和名称，县外的写对手编号（X01…）。"""
    n_entities = population.n_entities
    group, sub, township = population.group, population.sub_industry, population.township
    external = story.EXTERNAL_COUNTERPARTIES
    external_index = {row[0]: i for i, row in enumerate(external)}
    # 每个主体 1 条上游（农户 0–1 条、其他 1–2 条）+ 0–2 条下游
    is_farmer = group == GROUP_CODE["farmer_household"]
    n_up = np.where(is_farmer, rng.random(n_entities) < story.FARMER_SUPPLIER_SHARE,
                    1 + (rng.random(n_entities) < story.SECOND_SUPPLIER_SHARE)).astype(int)
    n_down = np.where(is_farmer, rng.random(n_entities) < story.FARMER_BUYER_SHARE, rng.integers(*story.BUYERS_RANGE, n_entities))
    edge_entity, edge_direction = [], []
    for count, direction in ((n_up, UPSTREAM), (n_down, DOWNSTREAM)):
        rows = expand_segments(count)[0]
        edge_entity.append(rows)
        edge_direction.append(np.full(len(rows), direction))
    entity = np.concatenate(edge_entity)
    direction = np.concatenate(edge_direction)
    n_edges = len(entity)
    option = np.full(n_edges, -1)
    draw = rng.random(n_edges)
    edge_sub = sub[entity]
    for code, name in enumerate(SUB_INDUSTRIES):
        for side, table in ((UPSTREAM, story.SUPPLIERS), (DOWNSTREAM, story.BUYERS)):
            options = list(table[name])
            if side == DOWNSTREAM and SUB_INDUSTRY_PARENT[name] == "agri_production" and name != "agri_processing":
                options = options + [story.COOP_BUYER]
            chosen = (edge_sub == code) & (direction == side)
            if not chosen.any():
                continue
            if not options:
                options = [story.DEFAULT_SUPPLIER] if side == UPSTREAM else [story.DEFAULT_BUYER]
            codes = np.array([_option_code(choice, external_index) for choice in options])
            option[chosen] = codes[(draw[chosen] * len(codes)).astype(int)]
    # 本县对手：同镇优先
    is_local = option < EXTERNAL_OPTION
    is_coop = option == COOP_OPTION
    key_sub = np.where(group == GROUP_CODE["coop"], N_SUB, sub)  # 合作社单列
    order = np.lexsort((township, key_sub))
    sorted_sub = key_sub[order]
    unique_keys, first_index, key_count = np.unique(sorted_sub * _KEY_BASE + township[order], return_index=True,
                                                    return_counts=True)
    sub_start = np.searchsorted(sorted_sub, np.arange(N_SUB + 1))
    sub_count = np.bincount(sorted_sub, minlength=N_SUB + 1)
    wanted = np.where(is_coop, N_SUB, np.where(is_local, option, 0))
    needs_local = is_local | is_coop
    wanted_key = wanted * _KEY_BASE + township[entity]
    position = np.clip(np.searchsorted(unique_keys, wanted_key), 0, len(unique_keys) - 1)
    found = (unique_keys[position] == wanted_key) & needs_local
    draw = rng.random(n_edges)
    same_township = np.where(found, order[first_index[position] + (draw * key_count[position]).astype(int)], -1)
    fallback = needs_local & ~found & (sub_count[wanted] > 0)
    anywhere = order[np.clip(sub_start[wanted] + (draw * sub_count[wanted]).astype(int), 0, n_entities - 1)]
    counterparty = np.where(found & (rng.random(n_edges) < story.SAME_TOWNSHIP_SHARE), same_township,
                            np.where(needs_local & (sub_count[wanted] > 0), anywhere, -1))
    counterparty = np.where(fallback, anywhere, counterparty)
    valid = ~(needs_local & ((counterparty < 0) | (counterparty == entity)))
    entity, direction, option, counterparty = entity[valid], direction[valid], option[valid], counterparty[valid]
    external_row = np.where(option >= EXTERNAL_OPTION, np.clip(option - EXTERNAL_OPTION, 0, len(external) - 1), 0)
    local = counterparty >= 0
    # 同一主体与同一对手只留一条
    code = np.where(local, counterparty, n_entities + external_row).astype(np.int64)
    first = np.sort(np.unique(entity.astype(np.int64) * (n_entities + EXTERNAL_OPTION) + code, return_index=True)[1])
    entity, direction, counterparty, external_row, local = (
        entity[first], direction[first], counterparty[first], external_row[first], local[first])
    n_edges = len(entity)
    counterparty_key = ("E" + pd.Series(counterparty + 1).astype("str")).where(
        local, pd.Series([row[0] for row in external], dtype="str").iloc[external_row].to_numpy())
    local_index = np.maximum(counterparty, 0)
    counterparty_name = np.where(local, records.names[local_index], np.array([row[1] for row in external], dtype=object)[external_row])
    type_names = np.array(get_table("supply_chain").column("counterparty_type").categories)
    type_name = np.where(local, np.where(group[local_index] == GROUP_CODE["coop"], "coop", "local_business"),
                         np.array([row[2] for row in external])[external_row])
    sorter = np.argsort(type_names)
    counterparty_type = sorter[np.searchsorted(type_names, type_name, sorter=sorter)]
    counterparty_banks_with_us = np.where(local, relationship.banks_with_us[local_index],
                                          np.array([row[3] for row in external])[external_row])
    share = np.round(np.clip(rng.beta(*story.TRADE_SHARE_BETA, n_edges), *story.TRADE_SHARE_RANGE), 2)
    years = np.clip(np.round(rng.gamma(*story.RELATIONSHIP_YEARS_GAMMA, n_edges)), *story.RELATIONSHIP_YEARS_RANGE)
    return build("supply_chain", {
        "entity_id": entity + 1, "counterparty_key": counterparty_key.to_numpy(),
        "counterparty_entity_id": np.where(local, counterparty + 1, np.nan),
        "counterparty_name": counterparty_name, "counterparty_type": counterparty_type, "direction": direction,
        "share": share, "relationship_years": years, "counterparty_banks_with_us": counterparty_banks_with_us.astype(bool),
    })
