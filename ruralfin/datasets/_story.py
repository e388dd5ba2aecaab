"""示范县的“剧本”：生成器用到的全部假设参数（份额、规模、季节性、冲击、系数）。

这里的数字都是为教学设计的 **虚构参数**，不是统计数据；它们的含义写进数据字典
（``data/README.md`` 的“生成故事”一节），讲师可以据此向学员解释数据从何而来。

前半部分是几个阶段共用的表（客群份额、行业分布、季节性、冲击、行业系数、机构与产品）；
后半部分按生成阶段分组，阶段编号同 ``ruralfin.datasets._generator`` 的说明。
改动任何一个数都会改变随包数据：请同时重建 ``ruralfin/datasets/files``（``python -m ruralfin.datasets._cli``）。
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
# 农村新型经济组织（家庭农场为主）：中位数 28 万元、对数标准差 0.75 时约七成的年经营收入在 10–50 万元，对应公开数字
# “家庭农场过半年经营收入 10–50 万元”（人民日报 2023-12-21，农业农村部数据）；其余客群为教学假设。
# 农户（三农个体户）年经营收入中位数 12 万元：教学假设（种养为主的经营户，不含外出务工收入）。
REVENUE_MEDIAN = {"new_agri_org": 28.0, "coop": 150.0, "rural_micro": 320.0, "individual_business": 32.0, "farmer_household": 12.0}
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
    "agri_inputs": [0.5, 0.9, 2.0, 1.8, 0.9, 0.8, 0.6, 0.6, 1.6, 1.5, 0.5, 0.4],  # 春耕（3–4 月）与秋种（9–10 月）两个备货高峰
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
# 典型利润率（经营净收入 / 经营收入）。种养业的“利润”是农户经营净收入口径：家庭自己的劳动不计成本，所以比
# 雇工经营的行业高；配合上面的收入中位数，家庭农场（新型经济组织）平均年净利润约 10–15 万元，对照公开数字
# “家庭农场平均年净利润 11.6 万元”（人民日报 2023-12-21）。各行业的具体数值为教学假设。
MARGIN = {
    "grain_crops": 0.30, "cash_crops": 0.34, "livestock": 0.22, "aquaculture": 0.26, "agri_processing": 0.12,
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

# 1 年期 LPR 路径（%，(起始月序, 点位)，月序 0 = 2023-01；示范县定价的锚）。按月取值：当月 20 日前后公布的新点位
# 算作整月的报价（2024-07 为 22 日）。已核实（全国银行间同业拆借中心公布值，据 forexlive、S&P Global、新华社等报道）：2022-09 为 3.65%，
# 2024-07-22 前为 3.45%，2024-07-22 起 3.35%，2025-05-20 起 3.00%；3.10% 的起始月按通常记载取 2024-10（日期 [U]）。
# 其余点位（2020-01 4.15%、2020-02 4.05%、2020-04 3.85%、2021-12 3.80%、2022-01 3.70%、2022-08 3.65%、
# 2023-06 3.55%、2023-08 3.45%）按通常记载填写，事实表没有逐一核实 [U]。
LPR_PATH = [(-36, 4.15), (-35, 4.05), (-33, 3.85), (-13, 3.80), (-12, 3.70), (-5, 3.65), (5, 3.55), (7, 3.45),
            (18, 3.35), (21, 3.10), (28, 3.00)]

# 机构与产品
INSTITUTION_COLUMNS = (  # INSTITUTION_ROWS 每行的各列（institutions 表的列名）
    "institution_id", "institution_name", "institution_type", "is_ours", "outlets_in_county", "risk_appetite",
    "target_customers",
)
INSTITUTION_ROWS = [
    ("ours", "示范县农商银行", "rural_commercial", True, 13, "moderate", "全县农户、个体工商户、新型农业经营主体与小微企业"),
    ("peer_a", "同业甲（国有大行县支行）", "big_state", False, 3, "conservative", "县城优质小微企业、公职人员、有抵押的经营户"),
    ("peer_b", "同业乙（邮储类）", "postal", False, 8, "moderate", "农户与个体工商户，网点深入乡镇"),
    ("peer_c", "同业丙（村镇银行）", "village_bank", False, 2, "aggressive", "县城周边个体工商户与养殖户"),
    ("peer_d", "同业丁（互联网银行）", "internet_bank", False, 0, "aggressive", "有线上经营与收款流水的个体户、电商"),
    ("peer_e", "同业戊（城商行县支行）", "city_commercial", False, 2, "moderate", "县城小微企业与供应链上下游"),
]

# ================================================================ 以下按生成阶段分组
# 记号：(a, b) 是均匀分布或整数的范围（整数不含 b），Beta/Gamma 写作 (形状 1, 形状 2) / (形状, 尺度)，
# “logit”是逻辑函数里的截距或斜率，“标准化”指均值 0、标准差 1 的量。

# ---------------------------------------------------------------- 阶段 0：地理
SEAT_TOWNSHIP_EFFECT = 0.8  # 县城所在镇（0 号乡镇）的经济效应（标准化；其他乡镇 ~N(0, 1)）
VILLAGE_SIZE_GAMMA = (4.0, 1.0)  # 村规模权重（主体落在哪个村）~ Gamma(形状, 尺度)
SEAT_VILLAGE_SIZE_FACTOR = 2.0  # 县城所在镇的村规模权重加倍
SEAT_VILLAGE_DISTANCE_KM = (0.3, 4)  # 县城所在镇的村到网点的距离（公里）
VILLAGE_DISTANCE_KM = (1, 22)  # 其他村到网点的距离（公里）
CREDIT_VILLAGE_LOGIT = -0.6  # 是否信用村：logit 截距
CREDIT_VILLAGE_TOWNSHIP_SLOPE = 0.5  # 是否信用村：每单位乡镇经济效应的 logit 斜率
# 信用村里的农户诚信度更高（信用村本来就是按信用户占比、履约情况评出来的：各地农村信用体系建设的评定办法，如丽水 DB3311《农村信用体系建设规范》）：
# 诚信度（0–1）加这么多（教学假设）
CREDIT_VILLAGE_INTEGRITY = 0.06

# ---------------------------------------------------------------- 阶段 1：经营主体及其隐藏特质
ORGANISATION_GROUPS = ("new_agri_org", "coop", "rural_micro")  # 有组织形态（企业、合作社）的客群
AGE_SD = 9.0  # 经营者年龄的标准差（岁；均值见 AGE_MEAN）
OPERATOR_AGE_RANGE = (20, 75)  # 经营者年龄范围（岁）
FEMALE_LED_SUBS = ("personal_services", "restaurant", "grocery")  # 女性经营者较多的细分行业
FEMALE_SHARE_FEMALE_LED = 0.45  # 这些行业的女性经营者占比
FEMALE_SHARE_OTHER = 0.2  # 其他行业的女性经营者占比
EDUCATION_AGE_SLOPE = -0.045  # 学历潜变量：每长一岁
EDUCATION_AGE_CENTRE = 45  # 学历潜变量：年龄的参照点（岁）
EDUCATION_ORGANISATION_EFFECT = 0.5  # 学历潜变量：有组织形态的主体
EDUCATION_TOWNSHIP_EFFECT = 0.25  # 学历潜变量：每单位乡镇经济效应
EDUCATION_CUT_QUANTILES = [0.27, 0.68, 0.88, 0.96]  # 学历五档的分位数切点（小学及以下 | 初中 | 高中 | 大专 | 本科+）
QUALITY_TOWNSHIP_WEIGHT = 0.3  # 经营质量（隐藏）：乡镇经济效应的权重
QUALITY_EDUCATION_WEIGHT = 0.3  # 经营质量：学历（标准化）的权重
QUALITY_NOISE_WEIGHT = 0.9  # 经营质量：个体差异的权重
INTEGRITY_BETA = (8, 2.5)  # 诚信度（隐藏，0–1）~ Beta
INTEGRITY_QUALITY_SLOPE = 0.02  # 诚信度随经营质量略升
INTEGRITY_RANGE = (0.05, 0.995)  # 诚信度的范围
SHOCK_SENSITIVITY_GAMMA = (2.0, 0.5)  # 对行业冲击的敏感度（隐藏，均值 1）~ Gamma(形状, 尺度)
SUB_REVENUE_SCALE = {  # 细分行业对营业收入规模的倍数（未列出的为 1）
    "agri_processing": 1.5, "food_processing": 1.5, "building_materials": 1.5,
    "personal_services": 0.6, "repair_services": 0.6,
}
REVENUE_QUALITY_SLOPE = 0.25  # 对数营业收入：每单位经营质量
ADULT_AGE = 18  # 经营年限不超过“年龄 - 18”
YEARS_IN_BUSINESS_GAMMA = (2.2, 4.5)  # 经营年限（年）~ Gamma(形状, 尺度)
LEVERAGE_BETA = (2, 4)  # 资产负债率 ~ Beta
LEVERAGE_QUALITY_SLOPE = 0.06  # 经营质量每高一单位，资产负债率低这么多
MAX_LEVERAGE = 0.95  # 资产负债率上限
ASSETS_TO_REVENUE = {  # 总资产 / 年营业收入，按客群（不含自住房；农户的经营性资产以农机、圈舍、存栏为主。教学假设）
    "new_agri_org": 2.0, "coop": 1.5, "rural_micro": 1.2, "individual_business": 0.8, "farmer_household": 1.0,
}
ASSETS_LOG_SD = 0.3  # 总资产的对数随机波动
ENTERPRISE_SIZE_REVENUE = (300, 3000)  # 企业规模（万元年营业收入）：低于 300 微型，低于 3000 小型，其余中型
LEVERAGE_MEAN_SD = (0.33, 0.18)  # 标准化资产负债率用的均值、标准差
INTEGRITY_MEAN_SD = (0.76, 0.12)  # 标准化诚信度用的均值、标准差
DEFAULT_LOGIT_INTERCEPT = -2.95  # 违约倾向（年化，logit）：截距
DEFAULT_LOGIT_QUALITY = 0.85  # 违约倾向：经营质量每高一单位，logit 低这么多
DEFAULT_LOGIT_INTEGRITY = 0.55  # 违约倾向：诚信度（标准化）每高一单位，logit 低这么多
DEFAULT_LOGIT_LEVERAGE = 0.3  # 违约倾向：资产负债率（标准化）每高一单位，logit 高这么多
SUB_RISK_WEIGHT = 1.5  # 违约倾向：细分行业偏移 SUB_RISK 的倍数
DISTRESS_LOGIT_SHIFT = 0.75  # 陷入困境（含会恢复的短期逾期）比违约常见：logit 再加这么多
BANKS_WITH_US_QUALITY = 0.06  # 在我行开户的概率：每单位经营质量
BANKS_WITH_US_DISTANCE_PENALTY = 0.008  # 在我行开户的概率：离网点每远 1 公里低这么多
BANKS_WITH_US_DISTANCE_CENTRE_KM = 8  # 距离的参照点（公里）
BANKS_WITH_US_CREDIT_VILLAGE = 0.05  # 在我行开户的概率：信用村高这么多
BANKS_WITH_US_RANGE = (0.05, 0.95)  # 在我行开户的概率范围
MAIN_BANK_IF_CUSTOMER = 0.7  # 在我行开户的主体以我行为主办行的概率
WALLET_SHARE_MAIN_BETA = (7, 3)  # 我行为主办行时，经我行结算的份额 ~ Beta
WALLET_SHARE_SECONDARY_BETA = (2, 5)  # 我行不是主办行时的份额 ~ Beta
APPLY_IF_MAIN_BANK = 0.95  # 有贷款需求时向我行申请的概率：我行是主办行
APPLY_IF_ACCOUNT = 0.75  # 同上：在我行开户但主办行是同业
APPLY_IF_NOT_CUSTOMER = 0.45  # 同上：不在我行开户（靠贷款进来的新客户）
MISREPORT_INTEGRITY_THRESHOLD = 0.62  # 诚信度低于这个值的经营者多半虚报收入
MISREPORT_STEEPNESS = 18  # 虚报概率随诚信度变化的陡度（logit 斜率）
MISREPORT_MIN_RATIO = 1.25  # 虚报者自报收入至少是真实收入的倍数
MISREPORT_EXCESS_GAMMA = (2.0, 0.25)  # 虚报倍数超出最低倍数的部分 ~ Gamma(形状, 尺度)
HONEST_REPORT_LOG_MEAN_SD = (-0.01, 0.05)  # 如实申报者：自报 / 真实 的对数均值、标准差
# 少报：虚报者里有一部分把收入报低（为少缴税做低账面，报给银行的也是账面数；教学假设）。按客群的比例：
UNDER_REPORT_SHARE = {"new_agri_org": 0.1, "coop": 0.1, "rural_micro": 0.35, "individual_business": 0.35, "farmer_household": 0.1}
UNDER_REPORT_RATIO = (0.45, 0.8)  # 少报者：自报 / 真实收入 ~ 均匀分布；纳税申报也按这个比例
CUSTOMER_TENURE_MONTHS = 120  # 老客户的开户时间最早在 2023-01 之前这么多个月
CUSTOMER_TENURE_BETA = (1.2, 1.0)  # 开户时间往前推的比例 ~ Beta
RECENT_JOINER_SHARE = 0.18  # 一部分客户的开户时间再往后推
RECENT_JOINER_SHIFT_MONTHS = 36  # 往后推最多这么多个月
NEW_CUSTOMER_SHARE = 0.2  # 在观察期内（2023–2025）才开户的客户占比

# ---------------------------------------------------------------- 阶段 2：困境与违约时点、担保圈
MAX_DISTRESS_EVENTS = 8  # 每个主体最多模拟的困境事件数
MAX_CURES = 4  # 每个主体最多记录的“会恢复的困境”次数
SHOCK_SENSITIVITY_CAP = 2.5  # 困境风险里冲击敏感度的上限
SHOCK_HAZARD_UPLIFT = 1.5  # 行业冲击期内困境风险的提升：1 + 1.5 × 敏感度
REFRACTORY_MONTHS = 3  # 恢复后约这么多个月的风险内不再有新事件
CURE_MONTHS = {1: 0.7, 2: 0.2, 3: 0.1}  # 短期困境持续的月数（1–3）及其概率：多数一个月就补上（教学假设）
CIRCLE_JOIN_SHARE = 0.2  # 申请人（合作社除外）加入同村担保圈的比例
CIRCLE_SIZE = 4  # 担保圈按村每 4 户一圈
MIN_CIRCLE_SIZE = 3  # 不足 3 户的圈不成立
CONTAGION_LAG_MONTHS = (1, 7)  # 圈内有人违约后，其他成员陷入困境的滞后（1–6 个月）
CONTAGION_SHARE = 0.35  # 其他成员被牵连的概率
CONTAGION_MIN_ROLL = 0.5  # 被牵连后滚成违约的概率至少为这个值
SILENT_DEFAULT_SHARE = 0.3  # 事先没有征兆的违约占比
WARNING_MONTHS = (3, 7)  # 违约前销售下滑的月数（3–6）
WARNING_DEPTH = (0.25, 0.6)  # 违约前后销售下滑的幅度
CURE_DIP_DEPTH = (0.1, 0.3)  # 短期困境期间销售下滑的幅度

# ---------------------------------------------------------------- 阶段 3：月度真实销售
ENTITY_GROWTH_SD = 0.05  # 主体自身的年增长率偏差（标准差）
SALES_NOISE_PERSISTENCE = 0.5  # 月度波动的自相关（AR(1) 系数）
SALES_NOISE_INNOVATION = 0.87  # AR(1) 新息的倍数（约 √(1 − 0.5²)，使波动方差大致不变）
CURE_DIP_LEAD_MONTHS = 1  # 短期困境的销售下滑提前 1 个月开始
CURE_DIP_TAIL_MONTHS = 1  # 并在恢复后多持续 1 个月
SALES_SENSITIVITY_CAP = 2.0  # 销售受冲击时敏感度的上限
SALES_SHOCK_DAMPING = 1.3  # 销售下降 = 冲击深度 × 敏感度 ÷ 1.3
PRODUCT_COLUMNS = (  # PRODUCTS 每行的各列（products 表的列名；金额万元、期限月、利率 %）
    "product_id", "institution_id", "product_name", "product_type", "max_amount", "min_term_months", "max_term_months",
    "rate_min", "rate_max", "repayment_method", "guarantee_method", "target_customers", "min_operator_age",
    "max_operator_age", "min_years_in_business", "admission_conditions", "risk_appetite", "approval_days", "online",
)
PRODUCTS = [  # 产品编号 = 行号 + 1；None = 不适用
    (1, "ours", "示范·农户小额信用贷", "farmer_loan", 30, 12, 36, 4.2, 7.2, "interest_only_bullet", "credit", "评级授信的农户", 18, 65, 1, "本县户籍农户；信用户评级 B 级以上；无不良记录", "moderate", 3, True),
    (2, "ours", "示范·农户联保贷", "farmer_loan", 50, 12, 24, 4.0, 6.8, "interest_only_bullet", "guarantee", "从事种养殖的农户", 18, 65, 1, "3–5 户自愿组成联保小组；互相承担连带保证责任", "moderate", 5, False),
    (3, "ours", "示范·个体工商户经营贷（线上）", "business_loan", 50, 12, 12, 4.6, 8.4, "revolving", "credit", "有结算流水的个体工商户", 20, 60, 1, "在我行有 6 个月以上结算流水；经营满 1 年；征信无当前逾期", "aggressive", 1, True),
    (4, "ours", "示范·商户保证贷", "business_loan", 200, 12, 36, 4.3, 7.5, "equal_principal", "guarantee", "个体工商户与小微企业", 20, 65, 2, "经营满 2 年；提供本县有稳定收入的保证人", "moderate", 7, False),
    (5, "ours", "示范·小微企业抵押贷", "business_loan", 1000, 12, 60, 3.6, 5.8, "equal_instalment", "mortgage", "有房产或厂房的小微企业", 22, 65, 2, "抵押率不超过 70%；有纳税记录；资产负债率不高于 70%", "conservative", 10, False),
    (6, "ours", "示范·合作社流动资金贷", "business_loan", 500, 12, 36, 4.0, 6.5, "interest_only_bullet", "guarantee", "农民专业合作社", 22, 65, 1, "依法登记满 1 年；有规范的社员账与购销合同", "moderate", 7, False),
    (7, "ours", "示范·新型农业经营主体贷", "business_loan", 300, 12, 60, 3.9, 6.3, "equal_principal", "mortgage", "家庭农场与农业企业", 22, 65, 1, "纳入名录管理；土地经营权或设施抵押；参加农业保险", "moderate", 10, False),
    (8, "ours", "示范·创业担保贷款", "startup_guarantee_loan", 15, 24, 36, 3.0, 4.5, "interest_only_bullet", "guarantee", "创业的个体工商户", 18, 55, 0, "符合当地创业担保贷款条件；由担保机构提供保证", "moderate", 15, False),
    (9, "ours", "示范·国家助学贷款", "student_loan", 2, 12, 264, 2.4, 3.0, "equal_instalment", "credit", "家庭经济困难学生", 16, 35, None, "按当地助学贷款政策办理", "conservative", 20, False),
    (10, "ours", "示范·活期结算账户", "deposit_current", None, None, None, 0.1, 0.2, None, None, "全部客户", 16, None, None, "实名开户", "moderate", 0, True),
    (11, "ours", "示范·定期存款", "deposit_time", None, 3, 60, 1.0, 1.9, None, None, "有闲置资金的客户", 16, None, None, "实名开户", "conservative", 0, True),
    (12, "ours", "示范·稳健理财", "wealth", None, 3, 12, 1.8, 2.8, None, None, "风险承受能力评估为稳健及以上", 18, None, None, "完成风险评估", "conservative", 0, True),
    (13, "ours", "示范·借记卡", "debit_card", None, None, None, None, None, None, None, "全部客户", 16, None, None, "实名开户", "moderate", 0, False),
    (14, "ours", "示范·信用卡", "credit_card", 5, None, None, 0.0, 18.25, "revolving", "credit", "有稳定收入的经营者", 18, 60, None, "征信良好；有稳定收入", "moderate", 7, True),
    (15, "ours", "示范·收款码（收单）", "mobile_payment", None, None, None, None, None, None, None, "面向消费者收款的商户", 18, None, None, "有营业执照或经营场所", "moderate", 1, True),
    (16, "ours", "示范·对公结算与代发", "settlement", None, None, None, None, None, None, None, "企业与合作社", None, None, None, "对公开户", "moderate", 3, False),
    (17, "ours", "示范·代理农业保险", "insurance", None, 12, 12, None, None, None, None, "种养殖主体", 18, None, None, "按保险公司条款", "conservative", 1, False),
    (18, "ours", "示范·农村电商服务", "ecommerce", None, None, None, None, None, None, None, "有线上销售意愿的主体", 18, None, None, "入驻县域电商服务平台", "moderate", 3, True),
    (19, "ours", "示范·消费分期", "instalment", 10, 3, 24, 0.0, 12.0, "equal_instalment", "credit", "信用卡与借记卡客户", 18, 60, None, "征信良好", "moderate", 1, True),
    (20, "peer_a", "同业甲·小微线上信用贷", "business_loan", 200, 12, 12, 3.3, 4.6, "revolving", "credit", "有纳税记录的小微企业", 22, 60, 2, "纳税评级 B 级以上；经营满 2 年；企业主征信良好", "conservative", 1, True),
    (21, "peer_a", "同业甲·经营抵押贷", "business_loan", 1000, 12, 120, 3.1, 4.3, "equal_instalment", "mortgage", "有房产的经营者", 22, 65, 2, "县城商品房或厂房抵押", "conservative", 10, False),
    (22, "peer_a", "同业甲·代发工资与结算", "settlement", None, None, None, None, None, None, None, "县城企业", None, None, None, "对公开户", "conservative", 3, False),
    (23, "peer_b", "同业乙·小额经营贷", "business_loan", 30, 12, 36, 4.3, 7.0, "equal_principal", "credit", "农户与个体工商户", 18, 65, 1, "本地居住满 2 年；征信无不良", "moderate", 5, False),
    (24, "peer_b", "同业乙·农户保证贷", "farmer_loan", 50, 12, 36, 4.2, 6.6, "interest_only_bullet", "guarantee", "种养殖农户", 18, 65, 1, "保证人 1–2 名", "moderate", 7, False),
    (25, "peer_b", "同业乙·活期储蓄", "deposit_current", None, None, None, 0.1, 0.2, None, None, "全部客户", 16, None, None, "实名开户", "conservative", 0, True),
    (26, "peer_c", "同业丙·商户快贷", "business_loan", 100, 6, 24, 6.0, 10.5, "equal_instalment", "guarantee", "县城周边商户", 20, 60, 1, "保证人或商户联保；经营满 1 年", "aggressive", 3, False),
    (27, "peer_c", "同业丙·养殖贷", "farmer_loan", 50, 12, 24, 6.5, 9.8, "interest_only_bullet", "guarantee", "规模养殖户", 20, 60, 2, "有养殖场地与防疫手续", "aggressive", 5, False),
    (28, "peer_d", "同业丁·网商经营贷", "business_loan", 100, 3, 12, 6.0, 15.0, "revolving", "credit", "有线上收款流水的经营者", 18, 65, 0, "线上申请，按收款流水与行为数据自动审批", "aggressive", 0, True),
    (29, "peer_d", "同业丁·收款码", "mobile_payment", None, None, None, None, None, None, None, "面向消费者收款的商户", 18, None, None, "线上开通", "aggressive", 0, True),
    (30, "peer_e", "同业戊·供应链订单贷", "business_loan", 500, 6, 12, 4.2, 6.2, "interest_only_bullet", "pledge", "核心企业的上下游", 22, 65, 1, "以订单或应收账款质押；核心企业确认", "moderate", 5, False),
    (31, "peer_e", "同业戊·小微抵押贷", "business_loan", 800, 12, 60, 3.5, 5.2, "equal_instalment", "mortgage", "县城小微企业", 22, 65, 2, "房产抵押；纳税正常", "moderate", 10, False),
]
EXTERNAL_COUNTERPARTIES = [  # 县外或大型的上下游对手：(编号, 名称, 类型, 是否在我行开户)
    ("X01", "示例县农产品批发市场", "wholesale_market", True),
    ("X02", "示例邻县农产品批发市场", "wholesale_market", False),
    ("X03", "示例禾丰粮油集团（农业产业化龙头企业）", "leading_enterprise", True),
    ("X04", "示例绿牧食品集团（农业产业化龙头企业）", "leading_enterprise", False),
    ("X05", "示例果蔬冷链集团（农业产业化龙头企业）", "leading_enterprise", False),
    ("X06", "示例电商平台甲", "ecommerce_platform", False),
    ("X07", "示例电商平台乙", "ecommerce_platform", False),
    ("X08", "示例农资集团县级配送中心", "leading_enterprise", True),
    ("X09", "示例建材集团区域经销中心", "leading_enterprise", False),
]

# ---------------------------------------------------------------- 阶段 4：网点与客户经理
HEAD_OFFICE_NAME = "示范县农商银行营业部"  # 县城（0 号乡镇）的网点
BRANCH_NAME = "示范县农商银行{township}支行"  # 其他乡镇的网点
HEAD_OFFICE_OPENED_YEAR = 1952  # 营业部的开业年份
BRANCH_OPENED_YEARS = (1956, 2016)  # 乡镇支行的开业年份
CUSTOMERS_PER_MANAGER = 400  # 每位客户经理大约管户数（按开户与申请的主体估算；教学假设：县域农商行的经营性贷款客户经理一般管几百户）
MIN_MANAGERS_PER_BRANCH = 2  # 每个网点至少的客户经理人数
BRANCH_OTHER_STAFF = (4, 11)  # 网点除客户经理外的员工人数
MANAGER_AGE_MEAN_SD = (36, 8)  # 客户经理年龄的均值、标准差（岁）
MANAGER_AGE_RANGE = (23, 58)  # 客户经理年龄范围（岁）
MANAGER_START_AGE = 22  # 入行年龄：从业年限不超过“年龄 - 22”
MANAGER_TENURE_YEARS = (0, 25)  # 从业年限（年）
MANAGER_EDUCATION = {  # 客户经理学历分布
    "primary_or_below": 0.0, "junior_high": 0.02, "senior_high": 0.08, "college": 0.35, "bachelor_plus": 0.55,
}

# ---------------------------------------------------------------- 阶段 5：收款方式的份额
RETAIL_SUBS = ("grocery", "restaurant", "farm_stay", "personal_services", "repair_services", "ecommerce_shop")  # 面向消费者的细分行业
B2B_SUBS = ("agri_processing", "food_processing", "light_manufacturing", "construction", "building_materials",
            "agri_inputs", "transport_logistics")  # 主要对企业、对经销商销售的细分行业
QR_SHARE_RETAIL = 0.55  # 扫码收款的典型占比：面向消费者的行业
QR_SHARE_OTHER = 0.2  # 扫码收款的典型占比：其他行业
TRADE_CREDIT_SHARE_B2B = 0.25  # 赊销（应收）收款的典型占比：对企业销售的行业
TRADE_CREDIT_SHARE_AGRI = 0.08  # 同上：涉农生产
TRADE_CREDIT_SHARE_OTHER = 0.03  # 同上：其他
MIN_TRANSFER_SHARE = 0.05  # 转账收款的典型占比至少为这个值
RECEIPT_CONCENTRATION = 25  # 各主体的份额 ~ Dirichlet(典型占比 × 25 + 0.3)
RECEIPT_CONCENTRATION_FLOOR = 0.3

# ---------------------------------------------------------------- 阶段 6：贷款申请、审批与续贷链条
FIRST_APPLICATION_MONTHS = (-30, 30)  # 首次申请的月序范围（2020-07 至 2025-06）
LOAN_PRODUCT_BY_GROUP = {  # 申请的产品：客群 -> (选第一种的概率, 第一种, 第二种)；担保圈成员一律选第一种
    "farmer_household": (0.3, 2, 1),  # 农户联保贷 / 农户小额信用贷
    "individual_business": (0.35, 4, 3),  # 商户保证贷 / 个体工商户经营贷（线上）
    "rural_micro": (0.45, 4, 5),  # 商户保证贷 / 小微企业抵押贷
    "coop": (0.7, 6, 5),  # 合作社流动资金贷 / 小微企业抵押贷
    "new_agri_org": (0.4, 4, 7),  # 商户保证贷 / 新型农业经营主体贷
}
STARTUP_LOAN_PRODUCT = 8  # 创业担保贷款
STARTUP_LOAN_MAX_AGE = 45  # 申请创业担保贷款的个体工商户年龄在 45 岁以下
STARTUP_LOAN_SHARE = 0.1  # 其中申请创业担保贷款的比例
LOAN_TERMS = {  # 产品编号 -> (可选期限（月）, 各期限的概率)
    1: ([12, 24, 36], [0.65, 0.2, 0.15]), 2: ([12, 24], [0.7, 0.3]), 3: ([12], [1.0]), 4: ([12, 24, 36], [0.5, 0.3, 0.2]),
    5: ([12, 36, 60], [0.4, 0.4, 0.2]), 6: ([12, 24, 36], [0.6, 0.25, 0.15]), 7: ([12, 36, 60], [0.45, 0.4, 0.15]),
    8: ([24, 36], [0.6, 0.4]),
}
BANK_SCORE_RISK_SLOPE = -0.6  # 我行审批评分（看得到的信息）= -0.6 × 违约倾向（标准化）+ 噪声
BANK_SCORE_NOISE_SD = 0.8  # 审批评分里与真实风险无关的部分
RENEWAL_CUTOFF = -1.4  # 续贷的审批评分门槛
NEW_LOAN_CUTOFF = -0.75  # 新贷款的审批评分门槛（约四分之三通过）
REQUEST_TO_REVENUE = {  # 首次申请金额 / 自报年营业收入 ~ 均匀分布，按客群（教学假设）；设计成各客群笔均落在公开数字附近：
    # 农户几万到 30 万元、笔均约 10 万元（信用户授信 10–30 万元、邮储银行 2022-03-29 公布小额贷款笔均 10 万余元 [V]），
    # 个体工商户、小微企业向泰隆笔均约 50 万元 [S] 靠拢（小微企业营业收入高，比例低）
    "farmer_household": (0.3, 0.9), "individual_business": (0.5, 1.4), "rural_micro": (0.08, 0.3),
    "coop": (0.1, 0.4), "new_agri_org": (0.3, 0.9),
}
RENEWAL_REQUEST_GROWTH = (0.95, 1.3)  # 续贷申请金额 / 上一笔金额
SMALL_REQUEST = 10  # 10 万元以下的申请金额按 0.5 万元取整，以上按 1 万元
MIN_REQUEST = 1  # 申请、批准金额至少 1 万元
FULL_AMOUNT_SCORE = 0.5  # 审批评分高于这个值时全额批准
APPROVED_SHARE = (0.6, 1.0)  # 否则批准金额 / 申请金额
RENEWAL_RATE = 0.85  # 到期未违约时续贷的概率
NEW_LOAN_AFTER_REPAYMENT = 0.5  # 不续贷的，过一段时间再申请新贷款的概率
GAP_BEFORE_NEW_LOAN = (3, 13)  # 再申请前间隔的月数
RETRY_AFTER_DECLINE = 0.22  # 被拒后再申请的概率
GAP_BEFORE_RETRY = (6, 13)  # 被拒后再申请前间隔的月数

# ---------------------------------------------------------------- 阶段 7：放款、利率与违约处置
FIRST_DPD_DAYS = (1, 29)  # 出现逾期的第一个月的逾期天数
DPD_PER_MONTH = 30  # 之后每月逾期天数增加 30 天
RESTRUCTURE_SHARE = 0.35  # 违约贷款重组的比例（教学假设）
RESTRUCTURE_AFTER_MONTHS = (4, 7)  # 违约后重组的月数（逾期超过 90 天、成为不良之后）
RESTRUCTURE_TERM_MONTHS = (12, 25)  # 重组后按新计划（等额本金）还清的月数（教学假设）
RESTRUCTURE_OBSERVATION_MONTHS = 12  # 重组观察期：is_restructured 只在重组后 12 个月内为真（2023 年分类办法：观察期不少于 1 年）
CURE_VISIBLE_SHARE = 0.45  # 短期困境里拖欠我行贷款（月末逾期 1–90 天）的比例，其余按时还款（教学假设）
CURE_RESTRUCTURE_SHARE = 0.8  # 短期困境（逾期后恢复）的贷款调整还款计划、按重组管理的比例（教学假设）
REDEFAULT_SHARE = 0.4  # 重组后再次违约的比例
REDEFAULT_AFTER_MONTHS = (3, 10)  # 重组后再次违约的月数
WRITE_OFF_SHARE = 0.7  # 没有重组（或重组后再次违约）的违约贷款核销的比例，其余清收结清（处置抵押物、保证人代偿）（教学假设）
WRITE_OFF_AFTER_MONTHS = (8, 18)  # 违约后核销的月数：逾期约半年到一年半（教学假设；核销要先追索、取证，见 COMPLIANCE §7）
COLLECTION_AFTER_MONTHS = (5, 15)  # 违约后清收结清的月数（教学假设）
RECOVERY_SHARE = 0.35  # 核销后继续追偿（账销案存）并追回一部分的比例（教学假设）
RECOVERY_FRACTION = (0.05, 0.4)  # 追回金额 / 核销金额（教学假设）
RECOVERY_AFTER_MONTHS = (3, 25)  # 核销后追回的月数；2025 年末以后才追回的不计（教学假设）
RATE_REFERENCE_LPR = 3.45  # 产品利率区间按 LPR 3.45% 时报价，随 LPR 平移（%）；合同利率不超出平移后的区间
# 合同利率 = 放款当月 1 年期 LPR + 客群加点 + 担保方式加点 + 风险加点 + 随机部分，取到 0.05 个百分点。
# 加点都是教学假设（没有公开的分客群加点统计），设计成按 rf.economics.PRICING_EXAMPLE 测算时
# 有的客群过得了 12% 的门槛（个体工商户线上信用贷、新型农业经营主体），有的过不了（农户、小微企业抵押贷）。
RATE_SPREAD_BY_GROUP = {  # 客群加点（百分点，保证类、平均风险）
    "farmer_household": 2.9, "individual_business": 3.9, "rural_micro": 3.0, "coop": 2.2, "new_agri_org": 3.3,
}
RATE_SPREAD_BY_GUARANTEE = {"mortgage": -0.4, "pledge": -0.3, "guarantee": 0.0, "credit": 0.35}  # 担保方式加点（抵押 < 保证 < 信用）
RATE_RISK_SLOPE = 0.6  # 风险加点：审批评分每低一单位（约一个标准差）多加这么多个百分点
RATE_RISK_RANGE = (-0.8, 1.6)  # 风险加点的范围（百分点）
RATE_NOISE_SD = 0.12  # 利率的随机部分（百分点，客户经理议价）
RATE_STEPS_PER_POINT = 20  # 合同利率取到 0.05 个百分点
CREDIT_LINE_TO_LOAN = (1.0, 1.5)  # 非循环贷款的授信额度 / 贷款金额
LARGE_LINE_SHARE = 0.04  # 小微企业里有大额授信（含其他业务）的比例
LARGE_LINE_MULTIPLE = (3, 8)  # 大额授信的倍数
INCLUSIVE_MAX_CREDIT_LINE = 1000  # 普惠型小微：单户授信 1000 万元（含）以下
INCLUSIVE_MAX_ENTERPRISE_SIZE = 1  # 普惠型小微：企业规模为小型（含）以下
# 普惠型小微（金融监管总局口径：单户授信 1000 万元（含）以下）：小微企业、个体工商户的经营性贷款；农户经营性贷款默认不计
# （只在扩大口径下计入，[S] 推论）；合作社按“其他组织”处理、不计入（教学假设，原文未核实）
INCLUSIVE_MICRO_ENTERPRISE_GROUPS = ("new_agri_org", "rural_micro")
# 涉农贷款按人民银行涉农贷款专项统计制度（银发〔2007〕246号）的取数规则（[S]，制度文本转载）：发给农户的贷款、
# 注册地在农村区域的企业及各类组织的贷款，都按借款主体全额计入；城市区域的企业（示范县里县城城区的个体工商户
# 也按此处理，教学假设）只计农林牧渔业贷款和支农贷款（用途口径）：
AGRI_PURPOSE_SUBS = ("agri_inputs",)  # 支农贷款：涉农生产加工之外，这些细分行业的贷款按用途也算涉农
# 县城所在镇（青禾镇）里经营地在城市区域（城区社区、不在行政村）的主体比例，按客群（教学假设）；其他乡镇都是农村区域
URBAN_AREA_SHARE_IN_SEAT = {"new_agri_org": 0.0, "coop": 0.0, "rural_micro": 0.5, "individual_business": 0.6,
                            "farmer_household": 0.0}
# 普惠型涉农贷款（定义未核实，教学假设）：涉农贷款中，农户经营性贷款单户授信 500 万元（含）以下、
# 企业及各类组织单户授信 1000 万元（含）以下的部分
INCLUSIVE_AGRI_MAX_LINE_HOUSEHOLD = 500
INCLUSIVE_AGRI_MAX_LINE_ORGANISATION = 1000
LOAN_PURPOSE_AGRI = {"working_capital": 0.35, "farm_inputs": 0.40, "equipment": 0.12, "expansion": 0.10, "other": 0.03}  # 涉农生产主体的贷款用途
LOAN_PURPOSE_OTHER = {"working_capital": 0.60, "farm_inputs": 0.02, "equipment": 0.15, "expansion": 0.18, "other": 0.05}
NEW_CUSTOMER_WALLET_BETA = (3, 4)  # 靠贷款进来的新客户经我行结算的份额 ~ Beta

# ---------------------------------------------------------------- 阶段 8：贷款月度表现
LATE_PAYMENT_BASE = 0.001  # 每月月末偶尔晚还几天的概率：基准（教学假设；多数晚还在月末前补上，不进月末快照）
LATE_PAYMENT_PD_SLOPE = 0.01  # 每单位年违约概率增加的晚还概率
LATE_PAYMENT_DAYS = (1, 26)  # 晚还的天数
REVOLVING_USE_BETA = (5, 2)  # 循环贷款的平均用款比例 ~ Beta
REVOLVING_USE_RANGE = (0.2, 1.0)
REVOLVING_SWING = 0.15  # 循环贷款月度用款的摆动幅度（对数）
REVOLVING_SWING_FREQUENCY = 1.7  # 摆动的角频率（弧度 / 月）
REVOLVING_MIN_USE = 0.05  # 循环贷款每月至少用款的比例
NPL_DAYS = 90  # 逾期 90 天以上为不良
BAD_WINDOW_MONTHS = 12  # bad_12m：放款后 12 个月内

# ---------------------------------------------------------------- 阶段 9：申请时看得到的征信与走访
DEVELOPMENT_LAST_MONTH = 17  # 开发样本：2023-01 至 2024-06 的申请
VALIDATION_LAST_MONTH = 23  # 验证样本：2024-07 至 2024-12；之后为近期样本（放款后不足 12 个月，bad_12m 为空）
CHANNEL_SHARE = {  # 申请渠道：开发、验证样本
    "branch_walk_in": 0.30, "manager_visit": 0.30, "mobile_app": 0.18, "whole_village": 0.14, "supply_chain": 0.08,
}
CHANNEL_SHARE_RECENT = {  # 申请渠道：近期样本（更多来自手机银行）
    "branch_walk_in": 0.24, "manager_visit": 0.26, "mobile_app": 0.30, "whole_village": 0.12, "supply_chain": 0.08,
}
VISIT_RATE_BY_CHANNEL = {  # 申请前客户经理走访过的比例
    "branch_walk_in": 0.6, "manager_visit": 1.0, "mobile_app": 0.15, "whole_village": 1.0, "supply_chain": 0.5,
}
VISIT_SCORE_MEAN = 3.1  # 走访评价（1–5 分）的潜变量均值
VISIT_SCORE_RISK_SLOPE = 0.95  # 违约倾向（标准化）每高一单位，走访评价低这么多
VISIT_SCORE_NOISE_SD = 0.6
VISIT_SCORE_RANGE = (1, 5)
BUREAU_DELINQUENCY_LOGIT = -2.0  # 征信里有过逾期：logit 截距（教学假设）
BUREAU_DELINQUENCY_RISK_SLOPE = 2.4  # 征信里有过逾期：每单位违约倾向（标准化）
BUREAU_SEVERITY_SCALE = 0.7  # 最长逾期档位 ~ 指数分布（尺度）+ 0.9 × 违约倾向（正的部分）
BUREAU_SEVERITY_RISK_SLOPE = 0.9
BUREAU_DPD_LEVELS = [15, 45, 75, 105, 150]  # 各档位的最长逾期天数
BUREAU_DPD_JITTER = (-10, 10)  # 逾期天数的随机偏移
THIN_FILE_GROUPS = ("farmer_household", "individual_business")  # 白户（无征信记录）较多的客群
THIN_FILE_SHARE = 0.3  # 这些客群里白户的比例（征信有逾期的除外）
THIN_FILE_SHARE_OTHER = 0.12  # 其他客群里白户的比例
INQUIRY_LOG_MEAN = -0.2  # 6 个月征信查询次数 ~ Poisson(exp(-0.2 + 0.7 × 违约倾向))
INQUIRY_RISK_SLOPE = 0.7
RECENT_INQUIRY_UPLIFT = 0.35  # 近期申请人的查询次数多 35%
OTHER_BANK_DEBT_SHARE_IF_MAIN = (0.0, 0.4)  # 他行负债 / 总负债：我行是主办行
OTHER_BANK_DEBT_SHARE = (0.3, 0.9)  # 他行负债 / 总负债：其他

# ---------------------------------------------------------------- 阶段 10：我行账户流水
PERSONAL_FLOW_GAMMA = (2.0, 0.06)  # 与经营无关的月流入（万元，农户加倍）~ Gamma(形状, 尺度)；有流入的月份的金额（教学假设）
PERSONAL_FLOW_MONTH_SHARE = 0.85  # 某月有与经营无关的流入（工资、转账）的概率（教学假设）
PERSONAL_FLOW_MONTH_SHARE_FARMER = 0.5  # 同上：农户（务工收入、补贴不是每月到账；教学假设）
# 种养户的收款比销售更集中：卖粮、出栏的月份一次收款，淡季没有经营收款（教学假设）。
# 收款的月度分布 = 季节性 ** 次方（再归一，全年合计不变）；归一后低于 QUIET_LEVEL 的月份没有经营收款
FARM_RECEIPT_SEASON_POWER = 2.0
FARM_RECEIPT_QUIET_LEVEL = 0.35
# 睡眠账户（久未动户）：不借款的客户里有一部分在某月以后不再有流入（教学假设；我行是主办行的很少睡眠）
DORMANT_SHARE_MAIN = 0.04
DORMANT_SHARE_SECONDARY = 0.30
DORMANT_LEAD_MONTHS = 24  # 开始睡眠的月份在 2021-01 至观察期末前 DORMANT_MIN_MONTHS 个月之间均匀
DORMANT_MIN_MONTHS = 6
DORMANT_BALANCE_SHARE = 0.3  # 睡眠后余额只剩原沉淀存款的这个比例（不再变动）
# 违约前的流水征兆（教学假设，方向对照常识：违约前几个月流入下降、余额下降、流出多于流入）：
FLOW_WARNING_MONTHS = (4, 13)  # 征兆从违约前 4–12 个月开始，逐月加深
FLOW_WARNING_SILENT_SHARE = 0.1  # 违约前我行流水没有征兆的违约户占比
FLOW_WARNING_DIVERSION = (0.3, 0.8)  # 到违约时经我行的收款减少的比例（转去他行、现金、还别的债）
FLOW_WARNING_DRAWDOWN = (0.05, 0.35)  # 到违约时沉淀存款被取走的比例
FLOW_WARNING_OUTFLOW_EXCESS = 0.15  # 到违约时流出比平时多出的比例（流出 > 流入）
FLOW_WARNING_CURE_LEVEL = 0.35  # 短期困境（会恢复）期间的征兆强度（0–1）
FLOW_SHARE_DRIFT_SD = 0.25  # 经我行结算份额的年化对数趋势（客户把结算挪进、挪出我行）的标准差（教学假设）
SAVINGS_DRIFT_SD = 0.5  # 沉淀存款的年化对数趋势的标准差（攒钱、建房、买农机取款；教学假设）
FLOW_NOISE_SD = 0.15  # 经营流入的月度对数波动
PERSONAL_FLOW_NOISE_SD = 0.3  # 个人流入的月度对数波动
OUTFLOW_LOG_MEAN_SD = (-0.04, 0.1)  # 流出 / 流入 的对数均值、标准差
TICKET_RETAIL = 0.006  # 每笔流入的典型金额（万元）：面向消费者的行业
TICKET_B2B = 0.4  # 同上：对企业销售的行业
TICKET_OTHER = 0.08  # 同上：其他
SAVINGS_TO_ASSETS = 0.05  # 沉淀存款最多约为总资产的 5% × Beta
SAVINGS_BETA = (2, 5)
SAVINGS_QUALITY = 0.8  # 沉淀存款 × exp(0.8 × 经营质量)：经营差的存款沉淀薄（教学假设）
SAVINGS_QUALITY_LOG_RANGE = (-1.5, 1.5)
BALANCE_TO_INFLOW = 0.25  # 日均余额中随流入变化的部分 = 0.25 × 月流入
BALANCE_NOISE_SD = 0.2
INFLOW_COUNT_FACTOR = 0.5  # 流入笔数 ~ Poisson(0.5 × 流入 / 每笔金额 + 2)
MIN_INFLOW_COUNT = 2
OUTFLOW_TICKET_MULTIPLE = 3  # 流出每笔金额是流入的 3 倍
MIN_OUTFLOW_COUNT = 3
MAX_EXPECTED_COUNT = 30000  # 笔数期望值的上限
FLOW_FEATURE_MONTHS = 6  # 申请前 6 个月的日均余额与流入趋势
MIN_FLOW_FEATURE_MONTHS = 3  # 至少要有 3 个月流水
FLOW_TREND_MONTHS = 3  # 流入趋势 = 近 3 个月 / 此前 3 个月 - 1

# ---------------------------------------------------------------- 阶段 11：水电
UTILITY_AUTH_APPLICANT = 0.9  # 授权查询水电数据的比例：申请人
UTILITY_AUTH_OTHER = 0.65  # 同上：其他主体
ELECTRICITY_BIAS_SD = 0.15  # 主体自身用电强度的对数偏差（相对行业系数；教学假设：如实申报者的电表估计多数在 ±25% 内）
WATER_BIAS_SD = 0.2  # 主体自身用水强度的对数偏差（教学假设）
ELECTRICITY_NOISE_SD = 0.08  # 月度用电的对数波动
WATER_NOISE_SD = 0.12  # 月度用水的对数波动
HOUSEHOLD_KWH = (5, 30)  # 每月经营户号上的非经营用电（千瓦时；查询的是经营用电户号，住家另有户号。教学假设）
HOUSEHOLD_WATER_TONS = (0.3, 1.5)  # 每月经营户号上的非经营用水（吨；教学假设）
ELECTRICITY_MISSING_SHARE = 0.02  # 用电记录缺失的比例
WATER_MISSING_SHARE = 0.04  # 用水记录缺失的比例

# ---------------------------------------------------------------- 阶段 12：纳税
QUOTA_TAX_SHARE = 0.65  # 个体工商户定期定额征收的比例（其余小规模）
GENERAL_TAXPAYER_SHARE = 0.35  # 小微企业一般纳税人的比例（其余小规模）
TAX_DECLARED_SHARE = (0.72, 1.0)  # 申报收入 / 真实收入（小规模、一般纳税人略有少报）
TAX_DECLARATION_NOISE_SD = 0.05  # 每季度申报的对数波动
QUOTA_TO_REVENUE = (0.3, 0.6)  # 定期定额户：核定额 / 真实收入
TAX_RATE = {"general": 0.03, "small_scale": 0.01, "fixed_quota": 0.01}  # 税负（税额 / 申报收入），按征收方式

# ---------------------------------------------------------------- 阶段 13：申请表与家庭信息
SOCIAL_SECURITY_AUTH_SHARE = 0.65  # 授权查询社保的比例
SOCIAL_SECURITY_MONTHS_GAMMA = (3, 30)  # 社保缴费月数 ~ Gamma(形状, 尺度)
SOCIAL_SECURITY_RISK_SLOPE = 8  # 违约倾向（标准化）每高一单位少缴这么多个月
MAX_SOCIAL_SECURITY_MONTHS = 600
MOBILE_APP_SHARE_AT_30 = 0.9  # 我行客户里用手机银行的比例：30 岁
MOBILE_APP_AGE_SLOPE = 0.012  # 每长一岁低这么多
MOBILE_APP_AGE_CENTRE = 30
MOBILE_APP_SHARE_RANGE = (0.15, 0.9)
TYPING_SPEED_AT_50 = 45  # 打字速度（字 / 分钟）：50 岁
TYPING_SPEED_AGE_SLOPE = 0.9  # 每年轻一岁快这么多
TYPING_SPEED_AGE_CENTRE = 50
TYPING_SPEED_SD = 12
MIN_TYPING_SPEED = 5
TYPING_SESSION_SD = 4  # 一次申请里测得的打字速度的随机误差
HOUSE_OWNERSHIP_FARMER = 0.94  # 有自有住房的比例：农户
HOUSE_OWNERSHIP_OTHER = 0.8  # 同上：其他
HOUSE_LOGIT = 2  # 住房比例再乘 sigmoid(2 + 0.3 × 经营质量) / sigmoid(2)
HOUSE_QUALITY_SLOPE = 0.3
HOUSE_RECORD_KEPT = 0.999  # 住房信息登记完整的比例
HOUSEHOLD_EXTRA_MEMBERS = 2.2  # 家庭人口 = 1 + Poisson(2.2)（农户再加 1）
HOUSEHOLD_SIZE_RANGE = (1, 12)
WEEKDAY_SHARE = 0.8  # 工作日申请的比例（其余均匀落在一周七天）
SATURDAY_SHARE = 0.1  # 工作日申请里顺延到周六的比例
LAST_WEEKDAY = 4  # 周五的编号（周一 = 0）
MOBILE_HOUR_MEAN_SD = (20, 3)  # 手机银行申请的时刻（时）
COUNTER_HOUR_MEAN_SD = (11, 2)  # 其他渠道申请的时刻（时）
DAY_OF_MONTH_RANGE = (0, 26)  # 申请、放款、开户日期在当月第几天之后（天）
APPLICATION_PURPOSE = {"working_capital": 0.5, "farm_inputs": 0.22, "equipment": 0.12, "expansion": 0.12, "other": 0.04}
STATED_DEBT_RATIO = (0.8, 1.2)  # 申请时自报负债 / 他行负债
APPLICATION_AGE_RANGE = (18, 90)  # 申请时的经营者年龄范围
MAX_YEARS_IN_BUSINESS = 60
MAX_REPORTED_COUNT = 50  # 查询次数、诉讼、他行贷款笔数的上限
TRUTH_BAD_MONTHS = 9  # 申请后第 1–9 个月滚成违约的，12 个月内必然 90 天以上逾期（truth_bad_12m；= BAD_WINDOW_MONTHS − 3）

# ---------------------------------------------------------------- 阶段 15：担保关系
GUARANTOR_RELATION = {  # 担保圈以外的保证人（同村随机一位）与借款人的关系
    "mutual": 0.0, "relative": 0.5, "business_partner": 0.3, "coop_member": 0.2,
}

# ---------------------------------------------------------------- 阶段 16：主体表与村表
MAX_OLD_CUSTOMER_YEARS = 15  # 2020 年以前开户的老客户，开户日期最早再往前推 15 年
REPORTED_REVENUE_NOISE_SD = 0.03  # 主体表里自报年营业收入的对数波动（相对真实收入 × 虚报倍数）
HOUSEHOLDS_PER_ENTITY = (3, 6)  # 村里每个经营主体对应的户数
OTHER_HOUSEHOLDS = (20, 80)  # 村里另有的户数

# ---------------------------------------------------------------- 阶段 17：风险收益、成本结构、月度销售与行业表
MARGIN_QUALITY_SLOPE = 0.05  # 利润率：每单位经营质量（典型利润率见 MARGIN）
MARGIN_NOISE_SD = 0.04
MARGIN_RANGE = (-0.2, 0.7)
DISASTER_SUBS = ("aquaculture", "grain_crops", "farm_stay", "cash_crops")  # 冲击表现为灾害损失的细分行业（其余为价格损失）
DISASTER_SENSITIVITY_CAP = 2  # 灾害损失里冲击敏感度的上限
DISASTER_LOSS_SHARE = 0.5  # 冲击年份的灾害损失 = 年收入 × 冲击深度 × 敏感度 × 0.5
PRICE_SHOCK_LOSS_SHARE = 0.3  # 冲击年份的价格损失 = 年收入 × 冲击深度 × 0.3
LOCAL_DISASTER_RATE_AGRI = 0.06  # 每年遭受零星灾害的概率：涉农生产
LOCAL_DISASTER_RATE_OTHER = 0.01  # 同上：其他
LOCAL_DISASTER_LOSS = (0.02, 0.15)  # 零星灾害损失 / 年收入
INSURED_SHARE_AGRI = 0.5  # 有保险的比例：涉农生产
INSURED_SHARE_OTHER = 0.18  # 同上：其他
INSURANCE_COVERS = 0.6  # 保险赔付灾害损失的比例
INSURED_TO_REVENUE = (0.2, 0.8)  # 保额 / 自报年收入
PROFIT_MARGIN_RANGE = (-5, 1)  # risk_return.profit_margin 的取值范围（亏损年份可远低于 0）
COST_MIX_CONCENTRATION = 30  # 各主体的成本构成 ~ Dirichlet(COST_MIX × 30 + 0.2)
COST_MIX_FLOOR = 0.2
INTEREST_ON_LIABILITIES = (0.04, 0.07)  # 利息支出 / 总负债
FIXED_SHARE_LABOUR = 0.6  # 固定成本 = 0.6 × 人工 + 土地与租金 + 利息 + 0.3 × 水电 + 0.3 × 其他
FIXED_SHARE_UTILITIES = 0.3
FIXED_SHARE_OTHER = 0.3
REPORTED_SALES_NOISE_SD = 0.03  # 自报月销售的对数波动（在真实销售 × 虚报倍数之上）
PRICE_INDEX_BASE = 100.0  # 价格指数 2023-01 = 100
PRICE_INDEX_NOISE_SD = 0.015  # 价格指数的月度对数波动
PRICE_VOLATILITY_FROM_NOISE = 0.5  # 价格波动率 = 价格指数月度对数变化的标准差 + 0.5 × 销售波动
RISK_LEVEL_HIGH = 0.25  # 行业风险等级：违约偏移 SUB_RISK ≥ 0.25 为高
RISK_LEVEL_MEDIUM = 0.0  # SUB_RISK ≥ 0 为中，其余为低
DISASTER_EXPOSURE = {  # 细分行业的灾害暴露（未列出的为 low）
    "grain_crops": "high", "cash_crops": "high", "aquaculture": "high",
    "livestock": "medium", "farm_stay": "medium", "agri_processing": "medium",
}
POLICY_SUPPORT = {  # 细分行业的政策支持力度（未列出的为 low）
    "grain_crops": "high", "cash_crops": "high", "livestock": "high", "aquaculture": "high", "agri_processing": "high",
    "agri_inputs": "medium", "ecommerce_shop": "medium", "farm_stay": "medium",
}
COEFFICIENT_NOISE_SD = 0.05  # 行业经验系数与故事里真实系数的对数偏差
TAX_TO_REVENUE_MANUFACTURING = 0.012  # 行业经验系数：纳税 / 收入，生产加工
TAX_TO_REVENUE_OTHER = 0.008  # 同上：其他

# ---------------------------------------------------------------- 阶段 18：结算方式、软信息、客户消费行为
STATED_SHARE_RESPONSE = 0.75  # 我行客户里回答“经我行结算的份额”的比例
STATED_SHARE_NOISE_SD = 0.12  # 回答的相对误差（对数标准差；教学假设：客户大致知道多少钱走我行）
STATED_SHARE_STEPS = 20  # 回答取到 5%
PURCHASE_MODE_AGRI = {"spot": 0.45, "credit_purchase": 0.25, "contract": 0.15, "coop_supply": 0.15}  # 采购方式：涉农生产
PURCHASE_MODE_B2B = {"spot": 0.3, "credit_purchase": 0.35, "contract": 0.35, "coop_supply": 0.0}  # 同上：对企业销售的行业
PURCHASE_MODE_OTHER = {"spot": 0.6, "credit_purchase": 0.3, "contract": 0.1, "coop_supply": 0.0}
SALES_CHANNEL_AGRI = {  # 主要销售渠道：涉农生产（面向消费者的行业是门店，电商是电商）
    "retail_store": 0.0, "wholesale_market": 0.35, "contract_buyer": 0.25, "ecommerce": 0.08, "coop_collective": 0.32,
}
SALES_CHANNEL_OTHER = {
    "retail_store": 0.3, "wholesale_market": 0.25, "contract_buyer": 0.35, "ecommerce": 0.1, "coop_collective": 0.0,
}
PAYMENT_METHOD_B2B = {"cash": 0.1, "transfer": 0.6, "qr_mobile": 0.1, "trade_credit": 0.2}  # 主要付款方式：对企业销售的行业
PAYMENT_METHOD_OTHER = {"cash": 0.35, "transfer": 0.3, "qr_mobile": 0.3, "trade_credit": 0.05}
RECEIVABLE_DAYS_PER_CREDIT_SHARE = 150  # 应收天数 = 150 × 赊销份额 + Gamma
RECEIVABLE_DAYS_GAMMA = (2, 4)
PAYABLE_DAYS_CREDIT_PURCHASE = 45  # 应付天数 = 45（赊购的）+ Gamma
PAYABLE_DAYS_GAMMA = (2, 5)
MAX_TRADE_DAYS = 365
# 村里口碑潜变量 = 0.8 × 诚信度（标准化）+ 0.4 × 经营质量 + 噪声：口碑有信息量但很嘈杂（口碑“差”的约四成虚报、
# “很好”的约一成虚报；教学假设，见 tests/datasets/test_county_realism_signals.py）
REPUTATION_INTEGRITY = 0.8
REPUTATION_QUALITY = 0.4
REPUTATION_NOISE_SD = 1.5
REPUTATION_CUT_QUANTILES = [0.06, 0.30, 0.80]  # 差 | 一般 | 好 | 很好 的分位数切点
VISIT_RATE_CREDIT_VILLAGE = 0.85  # 我行客户被走访过的比例：信用村
VISIT_RATE_OTHER = 0.55  # 同上：其他村
VISIT_WINDOW_START = "2024-01-01"  # 最近一次走访在 2024–2025 年
VISIT_WINDOW_DAYS = 730
DEPENDANTS_MEAN = 1.1  # 需供养人数 ~ Poisson（不超过家庭人口 - 1）
YEARS_AWAY = (0, 20)  # 外出过的年数（居住年限 = 年龄 - 外出年数）
MOVED_SHARE = 0.3  # 外出过的比例
MAX_YEARS_RESIDENT = 90
MARRIED_AGE = 28  # 28 岁以下已婚比例较低
MARRIED_SHARE_YOUNG = 0.5
MARRIED_SHARE = 0.9
BAD_HABITS_BASE = 0.03  # 有不良嗜好的比例
BAD_HABITS_LOW_INTEGRITY = 0.15  # 诚信度低于 0.6 的再加这么多
LOW_INTEGRITY = 0.6
HOUSEHOLD_ASSETS_TO_BUSINESS = (0.3, 0.9)  # 家庭资产（不含住房）/ 经营资产
HOUSE_VALUE = (10, 60)  # 自有住房价值（万元）
VEHICLE_LOGIT = -0.5  # 有车：sigmoid(-0.5 + 0.6 × ln(基础收入 / 20 万元))
VEHICLE_REVENUE_SLOPE = 0.6
VEHICLE_REVENUE_REFERENCE = 20
SOCIAL_TIES_CUTS = [-0.6, 0.6]  # 社会关系：少 | 一般 | 多 的切点
SOCIAL_TIES_QUALITY = 0.4  # 社会关系潜变量 = 0.4 × 经营质量 + 0.02 × (年龄 - 45) + 噪声
SOCIAL_TIES_AGE_SLOPE = 0.02
SOCIAL_TIES_AGE_CENTRE = 45
SOCIAL_TIES_NOISE_SD = 0.9
VILLAGE_CADRE_SHARE = 0.03  # 村干部的比例
# 家庭经营外的年收入（外出务工、工资、养老金等，万元）：有这类收入的家庭比例按客群，金额 ~ 对数正态
# （中位数 3 万元、对数标准差 0.6）。农户是“以户为单位”评级授信的，还款能力看全家收入（教学假设的数值）
OTHER_INCOME_SHARE = {"new_agri_org": 0.3, "coop": 0.3, "rural_micro": 0.2, "individual_business": 0.4,
                      "farmer_household": 0.7}
OTHER_INCOME_MEDIAN = 3.0
OTHER_INCOME_SIGMA = 0.6
CONSUMER_EXTRA_SUBS = ("agri_inputs", "food_processing", "building_materials")  # 扫码收款占比够高时也有消费者数据的细分行业
MIN_QR_SHARE_FOR_CONSUMERS = 0.2
AVERAGE_TICKET_YUAN = {  # 客单价（元）
    "grain_crops": 500, "cash_crops": 300, "livestock": 300, "aquaculture": 400, "agri_processing": 250,
    "grocery": 35, "agri_inputs": 300, "building_materials": 800, "ecommerce_shop": 90,
    "food_processing": 60, "light_manufacturing": 200, "construction": 500,
    "restaurant": 70, "farm_stay": 180, "transport_logistics": 150, "repair_services": 120, "personal_services": 50,
}
TICKET_NOISE_SD = 0.25  # 客单价的对数波动
CARD_PAYMENT_SHARE = 0.1  # 刷卡付款的份额（与扫码、现金一起归一）
REPEAT_LOGIT = 0.3  # 回头客比例：sigmoid(0.3 + 0.4 × 经营质量 + 噪声)
REPEAT_QUALITY = 0.4
REPEAT_NOISE_SD = 0.6
PAYMENTS_PER_REPEAT_PAYER = 4  # 付款人数 = 月付款笔数 / (1 + 4 × 回头客比例)
PAYER_GROWTH_NOISE_SD = 0.05
MAX_PAYER_GROWTH = 5
RECENCY_DAYS_DISTRESSED = (5, 120)  # 最近一笔付款距今天数：已违约的主体
RECENCY_DAYS = (0, 4)  # 同上：其他

# ---------------------------------------------------------------- 阶段 19：上下游供应链
FARMER_SUPPLIER_SHARE = 0.7  # 农户有一个上游对手的比例（其他主体 1 个，40% 有第 2 个）
SECOND_SUPPLIER_SHARE = 0.4
FARMER_BUYER_SHARE = 0.6  # 农户有一个下游对手的比例
BUYERS_RANGE = (0, 3)  # 其他主体的下游对手个数（0–2）
SUPPLIERS = {  # 细分行业 -> 可能的上游对手（本县某细分行业的主体，或县外对手的编号）
    "grain_crops": ["agri_inputs", "X08"], "cash_crops": ["agri_inputs", "X08"], "livestock": ["agri_inputs", "food_processing"],
    "aquaculture": ["agri_inputs", "X08"], "agri_processing": ["grain_crops", "cash_crops", "livestock"],
    "grocery": ["food_processing", "X01"], "agri_inputs": ["X08"], "building_materials": ["X09", "light_manufacturing"],
    "ecommerce_shop": ["cash_crops", "agri_processing", "food_processing"], "food_processing": ["livestock", "grain_crops", "agri_processing"],
    "light_manufacturing": ["X09", "transport_logistics"], "construction": ["building_materials"],
    "restaurant": ["grocery", "cash_crops", "livestock"], "farm_stay": ["cash_crops", "livestock", "grocery"],
    "transport_logistics": ["repair_services"], "repair_services": ["agri_inputs", "building_materials"],
    "personal_services": ["grocery"],
}
BUYERS = {  # 细分行业 -> 可能的下游对手（空表示只卖给消费者，以 DEFAULT_BUYER 记）
    "grain_crops": ["agri_processing", "X03", "X01"], "cash_crops": ["X01", "X05", "ecommerce_shop", "restaurant"],
    "livestock": ["food_processing", "X04", "restaurant"], "aquaculture": ["X01", "restaurant"],
    "agri_processing": ["X03", "grocery", "X06"], "grocery": [], "agri_inputs": ["grain_crops", "cash_crops", "livestock"],
    "building_materials": ["construction"], "ecommerce_shop": ["X06", "X07"], "food_processing": ["grocery", "restaurant", "X07"],
    "light_manufacturing": ["building_materials", "X09"], "construction": [], "restaurant": [], "farm_stay": [],
    "transport_logistics": ["agri_processing", "food_processing"], "repair_services": [], "personal_services": [],
}
COOP_BUYER = "coop"  # 涉农生产（初加工除外）的下游还可以是本县的合作社
DEFAULT_SUPPLIER = "X01"  # 没有列出上游时：县农产品批发市场
DEFAULT_BUYER = "X06"  # 没有列出下游时：电商平台甲
SAME_TOWNSHIP_SHARE = 0.75  # 本县对手在同一乡镇的比例（同镇有的话）
TRADE_SHARE_BETA = (2, 3)  # 该对手占采购或销售的份额 ~ Beta
TRADE_SHARE_RANGE = (0.05, 0.95)
RELATIONSHIP_YEARS_GAMMA = (2, 2.5)  # 合作年限 ~ Gamma(形状, 尺度)
RELATIONSHIP_YEARS_RANGE = (1, 40)

# ---------------------------------------------------------------- 阶段 20：外部数据、外部事件、数字特征
EDUCATION_VERIFIED_SHARE = 0.9  # 大专及以上学历能在学信网核实的比例
COURT_CASE_RATE = 0.03  # 涉诉案件数 ~ Poisson(0.03 × exp(0.8 × 违约倾向))
COURT_RISK_SLOPE = 0.8
COURT_AFTER_DEFAULT_SHARE = 0.25  # 2025-07（月序 30）以前违约的，再加一件诉讼的比例
COURT_DEFAULT_BY_MONTH = 30
HOUSING_FUND_SHARE_MICRO = 0.3  # 缴存公积金的比例：小微企业主
HOUSING_FUND_SHARE_OTHER = 0.03  # 同上：其他
HOUSING_FUND_YUAN = (300, 1500)  # 公积金月缴存额（元）
PUBLIC_SECURITY_RATE = 0.004  # 公安不良记录的概率 = 0.004 × exp(0.7 × 违约倾向)
PUBLIC_SECURITY_RISK_SLOPE = 0.7
EXTRA_OTHER_BANK_LOANS = 0.6  # 有他行负债的，他行贷款笔数 = 1 + Poisson(0.6)
OVERDUE_BEFORE_DEFAULT_SHARE = 0.55  # 违约主体在违约前出现他行逾期的比例（有他行负债的）
OVERDUE_LEAD_MONTHS = (0, 3)  # 他行逾期比我行违约早 0–2 个月
OVERDUE_AMOUNT_SHARE = (0.05, 0.3)  # 他行逾期金额 / 他行负债
CURE_OVERDUE_SHARE = 0.25  # 短期困境当月也在他行逾期的比例
CURE_OVERDUE_AMOUNT_SHARE = (0.02, 0.1)
LAWSUIT_SHARE = 0.3  # 违约后被起诉的比例
LAWSUIT_LAG_MONTHS = (4, 9)  # 违约后 4–8 个月起诉
LAWSUIT_AMOUNT_SHARE = (0.05, 0.2)  # 诉讼金额 / 基础年收入
TAX_ARREARS_SHARE = 0.3  # 纳税主体违约前一个月欠税的比例
TAX_ARREARS_LEAD_MONTHS = 1
TAX_ARREARS_AMOUNT_SHARE = (0.002, 0.01)  # 欠税 / 基础年收入
UTILITY_ARREARS_SHARE = 0.35  # 授权水电数据的主体违约前欠缴水电费的比例
UTILITY_ARREARS_LEAD_MONTHS = (0, 3)
UTILITY_ARREARS_AMOUNT = (0.01, 0.2)  # 欠缴水电费（万元）
BACKGROUND_EVENT_RATE = {  # 与违约无关的零星事件：每月的发生率（再乘 exp(0.4 × 违约倾向)）
    "overdue_other_bank": 0.002, "lawsuit": 0.0004, "tax_arrears": 0.0006, "utility_arrears": 0.0015,
}
BACKGROUND_RISK_SLOPE = 0.4
BACKGROUND_AMOUNT_SHARE = (0.01, 0.1)  # 零星事件金额 / 基础年收入（水电欠费见 UTILITY_ARREARS_AMOUNT）
EVENT_AMOUNT_MISSING_SHARE = 0.1  # 外部事件金额缺失的比例
NETWORK_DEGREE_LOG_MEAN_SD = (3.9, 0.6)  # 通讯录联系人数的对数均值、标准差
MAX_NETWORK_COUNT = 5000
RISKY_CONTACT_BASE = 0.01  # 联系人里有风险的比例 = 0.01 + 0.4 × 本村平均违约概率
RISKY_CONTACT_VILLAGE_PD = 0.4
RISKY_CONTACT_RISK = 0.015  # + 0.015 × max(违约倾向 + 0.5, 0)
RISKY_CONTACT_RISK_SHIFT = 0.5
RISKY_CONTACT_CIRCLE = 0.05  # + 0.05（在担保圈里）
MAX_RISKY_CONTACT_SHARE = 0.5
GEO_STABILITY_LOGIT = 1.6  # 位置稳定性 = sigmoid(1.6 - 0.35 × 违约倾向 + 噪声)
GEO_STABILITY_RISK_SLOPE = 0.35
GEO_STABILITY_NOISE_SD = 0.8
DEVICE_TIER_CUTS = [-0.5, 0.9]  # 手机档次：入门 | 中端 | 高端 的切点
DEVICE_REVENUE_SLOPE = 0.5  # 手机档次潜变量 = 0.5 × ln(基础收入 / 20 万元) - 0.02 × (年龄 - 40) + 噪声
DEVICE_REVENUE_REFERENCE = 20
DEVICE_AGE_SLOPE = 0.02
DIGITAL_AGE_CENTRE = 40
DEVICE_NOISE_SD = 0.8
ADDRESS_CONSISTENCY_BETA = (6, 2)  # 收货地址一致性 ~ Beta + 0.04 × 诚信度（标准化）
ADDRESS_INTEGRITY_SLOPE = 0.04
APP_WINDOW_DAYS = 30  # 近 30 天手机银行活跃天数
APP_ACTIVE_BASE = 0.35  # 每天活跃的概率 = 0.35 + 0.1（我行为主办行）- 0.004 × (年龄 - 40)
APP_ACTIVE_MAIN_BANK = 0.1
APP_ACTIVE_AGE_SLOPE = 0.004
APP_ACTIVE_RANGE = (0.02, 0.98)
NIGHT_ACTIVITY_BETA = (2, 14)  # 夜间活跃占比 ~ Beta + 0.02 × 违约倾向
NIGHT_ACTIVITY_RISK_SLOPE = 0.02
BROWSING_INTEREST_AGRI = {"farming": 0.4, "business": 0.15, "entertainment": 0.25, "finance": 0.05, "shopping": 0.15}
BROWSING_INTEREST_OTHER = {"farming": 0.05, "business": 0.35, "entertainment": 0.3, "finance": 0.1, "shopping": 0.2}

# ---------------------------------------------------------------- 阶段 21：产品持有
HOLDINGS_ASSETS_REFERENCE = 30  # 持有概率里的资产参照（万元）：ln(总资产 / 30)
TIME_DEPOSIT_LOGIT = -0.8  # 定期存款：sigmoid(-0.8 + 0.5 × 经营质量 + 0.5 × ln(资产 / 30))
TIME_DEPOSIT_QUALITY = 0.5
TIME_DEPOSIT_ASSETS = 0.5
WEALTH_LOGIT = -2.4  # 理财：sigmoid(-2.4 + 0.6 × 经营质量 + 0.4 × ln(资产 / 30))
WEALTH_QUALITY = 0.6
WEALTH_ASSETS = 0.4
DEBIT_CARD_SHARE = 0.9
# 靠贷款进来的新客户（放款前不在我行开户）里，只用还款账户走款、钱放在他行、不持有我行存款产品的比例，按客群
# （教学假设：农户、个体户多是“为贷款而来”，企业、合作社往往要求在贷款行开结算户）
LOAN_LED_NO_DEPOSIT_SHARE = {"new_agri_org": 0.35, "coop": 0.25, "rural_micro": 0.30, "individual_business": 0.55,
                             "farmer_household": 0.60}
CREDIT_CARD_LOGIT = -2.0  # 信用卡：sigmoid(-2 + 0.3 × 经营质量)
CREDIT_CARD_QUALITY = 0.3
ACQUIRING_MIN_QR_SHARE = 0.3  # 扫码收款占比超过 30% 的（或面向消费者的）才开通收单
ACQUIRING_TAKE_UP = 0.6
SETTLEMENT_TAKE_UP = 0.7  # 企业、合作社开通对公结算的比例
AGRI_INSURANCE_TAKE_UP = 0.35  # 涉农生产主体通过我行买农业保险的比例
ECOMMERCE_TAKE_UP = 0.06  # 农村电商服务的比例（电商户再加 0.1）
ECOMMERCE_SHOP_EXTRA = 0.1
INSTALMENT_TAKE_UP = 0.05
TIME_DEPOSIT_TO_ASSETS = (0.03, 0.25)  # 定期存款余额 / 总资产
TIME_DEPOSIT_AVERAGE_RATIO = (0.8, 1.1)  # 12 个月日均 / 年末余额
WEALTH_TO_ASSETS = (0.02, 0.2)  # 理财余额 / 总资产
WEALTH_AVERAGE_RATIO = (0.7, 1.1)
WEALTH_FEE_RATE = 0.004  # 理财的年手续费率
DEBIT_CARD_FEE = 0.001  # 借记卡年费（万元）
CREDIT_CARD_LIMIT = (0.2, 3)  # 信用卡额度（万元）
CREDIT_CARD_AVERAGE_USE = 0.4  # 信用卡 12 个月日均透支 / 额度
CREDIT_CARD_FEE_RATE = 0.02  # 信用卡年收入 / 额度
ACQUIRING_FEE_RATE = 0.0025  # 收单手续费率（扫码收款额的 0.25%）
SETTLEMENT_FEE_RATE = 0.001  # 对公结算手续费 = 0.1% × 年流入 + 0.05 万元
SETTLEMENT_FEE_FIXED = 0.05
INSURANCE_COMMISSION = (0.01, 0.08)  # 代理保险年佣金（万元）
ECOMMERCE_FEE = (0.005, 0.05)  # 电商服务年收入（万元）
INSTALMENT_BALANCE = (0.5, 5)  # 消费分期余额（万元）
INSTALMENT_AVERAGE_RATIO = 0.8
INSTALMENT_FEE_RATE = 0.03
PRODUCT_OPEN_DELAY_MONTHS = (0, 12)  # 其他产品在开户后 0–11 个月开通

# ---------------------------------------------------------------- 阶段 22：客户经理业绩、真相
TARGET_GROWTH = (0.08, 0.18)  # 客户经理每年的贷款余额增长目标
MIN_MONTHLY_VISITS = 8  # 每月走访次数 ~ Poisson(max(8, 16 + 0.05 × √平均贷款余额))
BASE_MONTHLY_VISITS = 16
VISITS_PER_ROOT_BALANCE = 0.05
NEW_CUSTOMER_TARGET = (2, 6)  # 每月新客户目标
RESPONSE_LOGIT = -1.6  # 对营销的响应倾向（真相）：截距
RESPONSE_QUALITY = 0.4  # 每单位经营质量
RESPONSE_AGE_SLOPE = 0.03  # 每长一岁（相对 45 岁）低这么多
RESPONSE_AGE_CENTRE = 45
RESPONSE_NON_CUSTOMER = 0.8  # 还不是我行客户的
RESPONSE_UNMET_DEMAND = 0.6  # 有贷款需求却没有申请的

# ---------------------------------------------------------------- 阶段 23：逐笔建模之外的贷款（按月汇总）
# 示范县只逐笔模拟经营性贷款；全行各项贷款还包括个人住房、个人消费、公司（中型及以上企业）贷款和票据贴现。
# 下面的规模、增速、不良率、涉农占比都是教学假设（没有找到县域农商行分类贷款结构的全国性公开统计），
# 取值让全行各项贷款在 30–40 亿元、逐笔建模的经营性贷款约占三成，像一家县域农商行。
# 各类：2023-01 月末余额（万元，每个经营主体摊多少；随主体数线性放大）、年增速（2023、2024、2025）、
# 每月到期/提前还款的比例（新发放 = 余额变动 + 到期还款）、不良率（2023-01 → 2025-12 线性变化）、涉农占比
BANK_BOOK = {
    "personal_housing": dict(base_per_entity=2.6, growth=(-0.02, -0.04, -0.03), runoff=0.010,
                             npl=(0.006, 0.010), agri_share=0.45),
    "personal_consumer": dict(base_per_entity=1.2, growth=(0.04, 0.02, 0.01), runoff=0.040,
                              npl=(0.018, 0.026), agri_share=0.55),
    "corporate": dict(base_per_entity=4.4, growth=(0.07, 0.06, 0.05), runoff=0.050,
                      npl=(0.022, 0.026), agri_share=0.35),
    "discounted_bills": dict(base_per_entity=1.0, growth=(0.10, -0.05, 0.05), runoff=0.160,
                             npl=(0.0, 0.0), agri_share=0.10),
}
BANK_BOOK_NOISE_SD = 0.01  # 月末余额相对趋势的随机波动（对数），票据贴现另乘季末冲量
BILLS_QUARTER_END_BOOST = 0.08  # 季末月份票据贴现余额冲高的幅度
