"""虚构的姓名与主体名称（姓名一律带“演示·”，主体名带“示例”，见数据字典“个人信息”一节）。"""

from __future__ import annotations

import numpy as np

from ...schema import CUSTOMER_GROUPS, SUB_INDUSTRIES, SUB_INDUSTRY_PARENT
from .common import GROUP_CODE, N_SUB

__all__ = ["person_names", "entity_names"]

# 名字用字（虚构，姓名一律带“演示·”，主体名带“示例”）
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文红玲海波宁峰辉鹏飞云兰凤春梅林燕玉萍德成福贵祥瑞和顺安康禾丰田")
PREFIX = ["青禾", "丰收", "禾润", "金穗", "绿源", "田园", "稻香", "润农", "兴旺", "福满", "康宁", "鑫达", "瑞丰", "百顺", "惠民",
          "永安", "合盛", "顺发", "长青", "嘉禾", "聚丰", "荣昌", "德隆", "宏图", "华盛", "天成", "益农", "晨光", "向阳", "新兴"]
FARMER_WORD = {
    "grain_crops": "种粮户", "cash_crops": "果蔬种植户", "livestock": "养殖户", "aquaculture": "水产养殖户",
    "agri_processing": "农产品加工户", "grocery": "小卖部", "agri_inputs": "农资代销户", "building_materials": "建材经营户",
    "ecommerce_shop": "电商户", "food_processing": "食品作坊", "light_manufacturing": "来料加工户", "construction": "建房工匠户",
    "restaurant": "小吃摊", "farm_stay": "农家乐", "transport_logistics": "运输户", "repair_services": "农机修理户",
    "personal_services": "理发铺",
}
SHOP_WORD = {
    "grain_crops": "种植场", "cash_crops": "果蔬基地", "livestock": "养殖场", "aquaculture": "水产养殖场",
    "agri_processing": "粮油加工坊", "grocery": "便利店", "agri_inputs": "农资店", "building_materials": "建材店",
    "ecommerce_shop": "网店", "food_processing": "食品作坊", "light_manufacturing": "加工厂", "construction": "装修队",
    "restaurant": "饭店", "farm_stay": "农家乐", "transport_logistics": "货运部", "repair_services": "修理部",
    "personal_services": "理发店",
}
COMPANY_WORD = {
    "agri_production": "农业发展有限公司", "wholesale_retail": "商贸有限公司", "manufacturing": "制品有限公司",
    "catering": "餐饮管理有限公司", "other_services": "物流服务有限公司",
}
COOP_WORD = {
    "grain_crops": "粮食种植专业合作社", "cash_crops": "果蔬种植专业合作社", "livestock": "畜禽养殖专业合作社",
    "aquaculture": "水产养殖专业合作社", "agri_processing": "农产品购销专业合作社",
}
NEW_AGRI_WORD = ["家庭农场", "家庭农场", "家庭农场", "农业科技有限公司", "农业社会化服务中心"]

SECOND_GIVEN = ["", *GIVEN[:12]]  # 名的第二个字（可以没有）


def person_names(rng, count: int, *, return_surname: bool = False):
    """``count`` 个“演示·”开头的姓名；``return_surname=True`` 时同时返回姓氏在 SURNAMES 里的序号。"""
    table = np.array([f"演示·{surname}{first}{second}" for surname in SURNAMES for first in GIVEN for second in SECOND_GIVEN],
                     dtype=object)
    index = rng.integers(0, len(table), count)
    if return_surname:
        return table[index], index // (len(GIVEN) * len(SECOND_GIVEN))
    return table[index]


def entity_names(rng, group, sub, surname_index):
    """主体名称：先造出（客群, 细分行业, 字号）所有组合的小表，再按编号取，避免逐个拼接字符串。

    ``surname_index`` 是经营者姓氏在 SURNAMES 中的序号（农户的名称用经营者的姓）。
    """
    n_entities = len(group)
    n_prefix = len(PREFIX)
    prefix_index = rng.integers(0, n_prefix, n_entities)
    new_agri_index = rng.integers(0, len(NEW_AGRI_WORD), n_entities)
    combos = []
    for group_name in CUSTOMER_GROUPS:
        for sub_name in SUB_INDUSTRIES:
            for prefix in PREFIX:
                if group_name == "individual_business":
                    combos.append(f"示例{prefix}{SHOP_WORD[sub_name]}")
                elif group_name == "rural_micro":
                    combos.append(f"示例{prefix}{COMPANY_WORD[SUB_INDUSTRY_PARENT[sub_name]]}")
                elif group_name == "coop":
                    combos.append(f"示例{prefix}{COOP_WORD.get(sub_name, '农产品购销专业合作社')}")
                else:
                    combos.append("")
    combos = np.array(combos, dtype=object)
    new_agri_table = np.array([f"示例{prefix}{word}" for prefix in PREFIX for word in NEW_AGRI_WORD], dtype=object)
    farm_table = np.array([f"示例·{surname}某{FARMER_WORD[sub_name]}" for surname in SURNAMES for sub_name in SUB_INDUSTRIES],
                          dtype=object)
    names = combos[(group * N_SUB + sub) * n_prefix + prefix_index]
    is_new_agri = group == GROUP_CODE["new_agri_org"]
    names[is_new_agri] = new_agri_table[prefix_index[is_new_agri] * len(NEW_AGRI_WORD) + new_agri_index[is_new_agri]]
    is_farmer = group == GROUP_CODE["farmer_household"]
    names[is_farmer] = farm_table[surname_index[is_farmer] * N_SUB + sub[is_farmer]]
    return names
