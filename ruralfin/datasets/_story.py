"""示范县的“剧本”：生成器用到的全部假设参数（份额、规模、季节性、冲击、系数）。

这里的数字都是为教学设计的 **虚构参数**，不是统计数据；它们的含义写进数据字典
（``data/README.md`` 的“生成故事”一节），讲师可以据此向学员解释数据从何而来。
"""

from __future__ import annotations

import numpy as np

from ..schema import SUB_INDUSTRIES

# 客群份额
GROUP_SHARE = {
    "new_agri_org": 0.07, "coop": 0.04, "rural_micro": 0.08,
    "individual_business": 0.36, "farmer_household": 0.45,
}
# 客群 -> 行业分布（顺序同 INDUSTRIES：批发零售, 生产加工, 餐饮服务, 其他服务, 涉农生产加工）
GROUP_INDUSTRY = {
    "new_agri_org": [0.04, 0.00, 0.05, 0.04, 0.87],
    "coop": [0.05, 0.00, 0.00, 0.05, 0.90],
    "rural_micro": [0.25, 0.38, 0.07, 0.12, 0.18],
    "individual_business": [0.40, 0.10, 0.20, 0.22, 0.08],
    "farmer_household": [0.05, 0.02, 0.03, 0.06, 0.84],
}
# 行业 -> 细分行业分布
INDUSTRY_SUB = {
    "agri_production": {"grain_crops": 0.30, "cash_crops": 0.28, "livestock": 0.22, "aquaculture": 0.08, "agri_processing": 0.12},
    "wholesale_retail": {"grocery": 0.50, "agri_inputs": 0.22, "building_materials": 0.16, "ecommerce_shop": 0.12},
    "manufacturing": {"food_processing": 0.40, "light_manufacturing": 0.35, "construction": 0.25},
    "catering": {"restaurant": 0.75, "farm_stay": 0.25},
    "other_services": {"transport_logistics": 0.35, "repair_services": 0.35, "personal_services": 0.30},
}
# 年营业收入（万元）的中位数与对数标准差，按客群
REVENUE_MEDIAN = {"new_agri_org": 70.0, "coop": 150.0, "rural_micro": 320.0, "individual_business": 32.0, "farmer_household": 9.0}
REVENUE_SIGMA = {"new_agri_org": 0.75, "coop": 0.9, "rural_micro": 0.85, "individual_business": 0.75, "farmer_household": 0.65}
EMPLOYEES_MEAN = {"new_agri_org": 6.0, "coop": 8.0, "rural_micro": 18.0, "individual_business": 2.2, "farmer_household": 1.6}
AGE_MEAN = {"new_agri_org": 45.0, "coop": 51.0, "rural_micro": 46.0, "individual_business": 41.0, "farmer_household": 53.0}
# 违约倾向的客群、细分行业偏移（logit）
GROUP_RISK = {"new_agri_org": -0.10, "coop": -0.20, "rural_micro": 0.25, "individual_business": 0.20, "farmer_household": 0.0}
SUB_RISK = {
    "grain_crops": -0.15, "cash_crops": 0.05, "livestock": 0.35, "aquaculture": 0.25, "agri_processing": -0.05,
    "grocery": -0.10, "agri_inputs": 0.0, "building_materials": 0.30, "ecommerce_shop": 0.25,
    "food_processing": 0.0, "light_manufacturing": 0.05, "construction": 0.35,
    "restaurant": 0.30, "farm_stay": 0.35,
    "transport_logistics": 0.10, "repair_services": -0.05, "personal_services": 0.05,
}
# 是否在我行开户、贷款需求
BANKS_WITH_US = {"new_agri_org": 0.55, "coop": 0.65, "rural_micro": 0.50, "individual_business": 0.42, "farmer_household": 0.48}
CREDIT_DEMAND = {"new_agri_org": 0.75, "coop": 0.72, "rural_micro": 0.72, "individual_business": 0.65, "farmer_household": 0.60}
# 同业主办行分布（不在我行为主办行时）
PEER_MAIN = {"peer_a": 0.18, "peer_b": 0.32, "peer_c": 0.14, "peer_d": 0.20, "peer_e": 0.16}

# 季节性（1–12 月，按细分行业；会被归一化为均值 1），春节另计
SEASON = {
    "grain_crops": [0.35, 0.3, 0.4, 0.5, 0.8, 2.2, 0.8, 0.6, 1.8, 2.5, 1.1, 0.65],
    "cash_crops": [0.5, 0.4, 0.5, 0.7, 1.0, 1.2, 1.5, 1.7, 1.6, 1.4, 0.8, 0.6],
    "livestock": [1.3, 1.2, 0.8, 0.8, 0.85, 0.85, 0.85, 0.9, 1.15, 1.0, 1.05, 1.3],
    "aquaculture": [0.7, 0.8, 0.6, 0.6, 0.7, 0.8, 0.9, 1.1, 1.6, 1.7, 1.4, 1.0],
    "agri_processing": [1.2, 0.8, 0.7, 0.7, 0.8, 1.0, 0.9, 0.9, 1.2, 1.4, 1.3, 1.2],
    "grocery": [1.3, 1.2, 0.9, 0.9, 0.95, 0.95, 0.95, 0.95, 1.0, 1.1, 0.9, 1.0],
    "agri_inputs": [0.5, 0.9, 2.0, 1.8, 1.0, 0.9, 0.7, 0.6, 1.4, 1.2, 0.6, 0.4],
    "building_materials": [0.5, 0.4, 1.1, 1.3, 1.3, 1.2, 0.9, 0.9, 1.2, 1.3, 1.1, 0.8],
    "ecommerce_shop": [1.1, 0.8, 0.8, 0.9, 0.9, 1.0, 0.9, 0.9, 1.0, 1.1, 1.6, 1.2],
    "food_processing": [1.3, 1.1, 0.8, 0.8, 0.9, 0.9, 0.9, 1.0, 1.3, 1.1, 0.9, 1.1],
    "light_manufacturing": [0.9, 0.6, 1.0, 1.05, 1.05, 1.05, 1.0, 1.0, 1.05, 1.1, 1.1, 1.1],
    "construction": [0.5, 0.3, 1.0, 1.2, 1.3, 1.2, 1.0, 1.0, 1.2, 1.3, 1.2, 0.9],
    "restaurant": [1.3, 1.2, 0.9, 0.95, 1.1, 0.9, 0.9, 0.9, 0.95, 1.15, 0.85, 1.0],
    "farm_stay": [0.6, 0.7, 0.8, 1.1, 1.4, 1.0, 1.4, 1.5, 1.0, 1.5, 0.6, 0.5],
    "transport_logistics": [1.2, 0.7, 0.9, 0.9, 0.9, 1.1, 0.9, 0.9, 1.1, 1.3, 1.1, 1.0],
    "repair_services": [0.9, 0.6, 1.0, 1.1, 1.1, 1.2, 1.0, 0.9, 1.1, 1.2, 1.0, 0.9],
    "personal_services": [1.4, 1.0, 0.9, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 1.05, 0.95, 1.05],
}
# 春节当月的额外提振（零售、餐饮、服务、食品），2023 年在 1 月、2024 年在 2 月、2025 年在 1 月
FESTIVAL_BOOST = {"grocery": 0.25, "restaurant": 0.30, "personal_services": 0.25, "food_processing": 0.15, "livestock": 0.10, "ecommerce_shop": 0.10}
SPRING_FESTIVAL_MONTH = {2023: 1, 2024: 2, 2025: 1}

# 虚构的行业冲击：(细分行业, 起始月序, 结束月序, 深度)，月序 0 = 2023-01
SHOCKS = [
    ("livestock", 2, 16, 0.30),          # 生猪价格下行周期 2023-03 至 2024-05
    ("aquaculture", 18, 20, 0.45),       # 汛期洪涝 2024-07 至 2024-09
    ("building_materials", 20, 29, 0.25),  # 建材需求低迷 2024-09 至 2025-06
    ("construction", 20, 29, 0.25),
    ("grain_crops", 30, 32, 0.35),       # 夏秋干旱 2025-07 至 2025-09
    ("farm_stay", 30, 31, 0.30),         # 雨季客流下降 2025-07 至 2025-08
]
SHOCK_TEXT = {
    "livestock": "2023-03 至 2024-05 生猪等畜禽价格下行，养殖户销售额与价格指数下降",
    "aquaculture": "2024-07 至 2024-09 汛期洪涝，水产养殖损失",
    "building_materials": "2024-09 至 2025-06 建房与装修需求低迷",
    "construction": "2024-09 至 2025-06 建房与装修需求低迷",
    "grain_crops": "2025-07 至 2025-09 夏秋干旱，秋粮减产",
    "farm_stay": "2025-07 至 2025-08 雨季客流下降",
}
# 年增长趋势（细分行业，年化）
TREND = {s: 0.04 for s in SUB_INDUSTRIES}
TREND.update({"ecommerce_shop": 0.15, "farm_stay": 0.08, "grocery": 0.02, "building_materials": -0.03, "construction": -0.02})
# 月度随机波动（对数标准差）
NOISE = {s: 0.12 for s in SUB_INDUSTRIES}
NOISE.update({"grain_crops": 0.18, "cash_crops": 0.2, "livestock": 0.16, "aquaculture": 0.2, "ecommerce_shop": 0.18, "farm_stay": 0.2})

# 行业经验系数：每千瓦时电、每吨水对应的营业收入（元），现金收款典型占比，典型利润率
REV_PER_KWH = {
    "grain_crops": 60, "cash_crops": 50, "livestock": 25, "aquaculture": 30, "agri_processing": 12,
    "grocery": 120, "agri_inputs": 200, "building_materials": 150, "ecommerce_shop": 150,
    "food_processing": 10, "light_manufacturing": 8, "construction": 40,
    "restaurant": 35, "farm_stay": 40, "transport_logistics": 100, "repair_services": 60, "personal_services": 50,
}
REV_PER_TON = {
    "grain_crops": 25, "cash_crops": 20, "livestock": 40, "aquaculture": 6, "agri_processing": 60,
    "grocery": 900, "agri_inputs": 1200, "building_materials": 900, "ecommerce_shop": 1000,
    "food_processing": 80, "light_manufacturing": 250, "construction": 200,
    "restaurant": 120, "farm_stay": 100, "transport_logistics": 600, "repair_services": 400, "personal_services": 150,
}
CASH_SHARE = {
    "grain_crops": 0.25, "cash_crops": 0.30, "livestock": 0.20, "aquaculture": 0.20, "agri_processing": 0.10,
    "grocery": 0.20, "agri_inputs": 0.25, "building_materials": 0.15, "ecommerce_shop": 0.02,
    "food_processing": 0.10, "light_manufacturing": 0.05, "construction": 0.15,
    "restaurant": 0.15, "farm_stay": 0.15, "transport_logistics": 0.15, "repair_services": 0.30, "personal_services": 0.20,
}
MARGIN = {
    "grain_crops": 0.22, "cash_crops": 0.28, "livestock": 0.15, "aquaculture": 0.20, "agri_processing": 0.12,
    "grocery": 0.15, "agri_inputs": 0.12, "building_materials": 0.14, "ecommerce_shop": 0.18,
    "food_processing": 0.12, "light_manufacturing": 0.10, "construction": 0.12,
    "restaurant": 0.22, "farm_stay": 0.25, "transport_logistics": 0.18, "repair_services": 0.35, "personal_services": 0.40,
}
# 成本结构均值：原材料、人工、土地与租金、水电、其他（利息单独按负债计）
COST_MIX = {
    "agri_production": [0.45, 0.20, 0.18, 0.07, 0.10],
    "wholesale_retail": [0.75, 0.08, 0.08, 0.03, 0.06],
    "manufacturing": [0.58, 0.20, 0.06, 0.08, 0.08],
    "catering": [0.45, 0.25, 0.14, 0.08, 0.08],
    "other_services": [0.30, 0.35, 0.12, 0.08, 0.15],
}
PEAK_MONTHS = {s: ",".join(str(i + 1) for i in np.argsort(v)[::-1][:3]) for s, v in SEASON.items()}

# 近似的 1 年期 LPR 路径（%，按月；示范县定价的锚，教学用，见 FACTS §1.4）
LPR_PATH = [(-36, 3.85), (-24, 3.80), (-23, 3.70), (-16, 3.65), (5, 3.55), (7, 3.45), (18, 3.35), (21, 3.10), (28, 3.00)]

# 机构与产品
INSTITUTION_ROWS = [
    ("ours", "示范县农商银行", "rural_commercial", True, 13, "moderate", "全县农户、个体工商户、新型农业经营主体与小微企业"),
    ("peer_a", "同业甲（国有大行县支行）", "big_state", False, 3, "conservative", "县城优质小微企业、公职人员、有抵押的经营户"),
    ("peer_b", "同业乙（邮储类）", "postal", False, 8, "moderate", "农户与个体工商户，网点深入乡镇"),
    ("peer_c", "同业丙（村镇银行）", "village_bank", False, 2, "aggressive", "县城周边个体工商户与养殖户"),
    ("peer_d", "同业丁（互联网银行）", "internet_bank", False, 0, "aggressive", "有线上经营与收款流水的个体户、电商"),
    ("peer_e", "同业戊（城商行县支行）", "city_commercial", False, 2, "moderate", "县城小微企业与供应链上下游"),
]
