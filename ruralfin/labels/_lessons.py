"""只在讲义里出现的显示文字：各课自己搭的小表的列名、图表标题、坐标轴说明和图例。

库函数输出的列登记在各主题的标签文件里（``_segments.py``、``_risk.py`` 等）；这里只放 notebook
里现搭的表和现画的图用到的文字，让讲义的代码单元格不写中文字面量（见 ``tests/test_hygiene.py``）。

- 列：``Field(..., table="lessonNN")``，表名就是课次，展示时写 ``rf.to_display(df, table="lessonNN")``；
  只在这一课的表里生效，不与库的通用列名冲突。
- 其他文字：``TEXTS`` 的键以课次开头（``"lesson11.growth_title"``），用 ``rf.labels.text(键, 占位=...)`` 取。
"""

from dataclasses import replace

from . import Field

_Q6_COLUMNS = [
    Field("deposit_threshold", "存款门槛", unit="万元", meaning="存量挖掘规则里“存款近 12 个月日均”的门槛",
          table="lesson12"),
    Field("list_size", "名单户数", meaning="得分不低于 70 分、进入走访名单的户数", table="lesson12"),
]

FIELDS = [
    # ---------------------------------------------------------------- 00 课程导览
    Field("breakthrough", "重点", meaning="区域中小银行要突破的三个重点之一", table="lesson00"),
    Field("course_focus", "在本课程中的落点", meaning="这个重点在哪几课里练", table="lesson00"),
    Field("digital_change", "变革", meaning="数字技术带来的三农金融商业模式变革", table="lesson00"),
    Field("public_example", "一个公开的例子（出处见表下）", meaning="公开报道过的一个例子，出处写在表下的说明里",
          table="lesson00"),
    Field("participant", "参与方", meaning="三农金融的一类参与方", table="lesson00"),
    Field("contribution", "带来什么", meaning="这类参与方带来的资源", table="lesson00"),
    Field("relation_to_us", "与我行的关系", meaning="竞争、合作或数据合作", table="lesson00"),
    # ---------------------------------------------------------------- 01 示范县一览
    Field("name", "表名", meaning="数据表的英文名（rf.load_dataset 用的名字）", table="lesson01"),
    Field("title", "中文名", meaning="数据表的中文名", table="lesson01"),
    Field("rows", "行数", meaning="数据表的行数", table="lesson01"),
    Field("loans", "贷款笔数", meaning="该客群在 2023–2025 年发放的贷款笔数", table="lesson01"),
    Field("severe_overdue_share", "严重逾期占比", meaning="曾逾期 90 天以上的贷款占该客群贷款笔数的比例，0–1",
          table="lesson01"),
    Field("avg_amount", "平均金额", unit="万元", meaning="该客群贷款的平均合同金额", table="lesson01"),
    Field("id_checksum_valid", "原号码是否通过 GB 11643 校验", meaning="合成身份证号的校验位是否正确",
          table="lesson01"),
    Field("id_masked", "展示用（遮蔽后）", meaning="遮蔽出生日期等中间位后的号码，只用于展示", table="lesson01"),
    # ---------------------------------------------------------------- 11 经营目标
    Field("year_end", "年末", meaning="贷款快照的日期（年末）", table="lesson11"),
    Field("loans_on_book", "在册贷款", unit="笔", meaning="年末仍有余额的贷款笔数", table="lesson11"),
    Field("business_loan_balance", "经营性贷款（逐笔）", unit="万元", meaning="逐笔台账里的经营性贷款余额合计", table="lesson11"),
    Field("other_loan_balance", "其他贷款（汇总）", unit="万元",
          meaning="个人住房、个人消费、公司贷款和票据贴现的余额合计（bank_book_monthly）", table="lesson11"),
    Field("all_loan_balance", "各项贷款", unit="万元", meaning="全行各项贷款余额：经营性贷款 + 其他贷款", table="lesson11"),
    *[f for year in (2024, 2025) for f in (
        Field(f"value_{year}", f"{year} 年", meaning=f"{year} 年的指标值", table="lesson11"),
        Field(f"benchmark_{year}", f"{year} 年基准", meaning=f"{year} 年用来比较的基准值", table="lesson11"),
        Field(f"met_{year}", f"{year} 年是否达标", meaning=f"{year} 年是否达到监管要求", table="lesson11"),
    )],
    Field("customers", "客户数", unit="户", meaning="属于该收益形态的客户数", table="lesson11"),
    Field("loans_meeting_hurdle", "逐笔达标的比例", meaning="该客群中 RAROC 达到门槛的贷款笔数占比，0–1", table="lesson11"),
    # ---------------------------------------------------------------- 12 客群与精准营销
    Field("borrowers", "我行信贷客户", meaning="在我行有贷款的主体", table="lesson12"),
    Field("customers_no_credit", "我行客户但无贷款", meaning="与我行有业务往来、但没有贷款的主体", table="lesson12"),
    Field("non_customers", "非我行客户", meaning="与我行没有业务往来的主体", table="lesson12"),
    Field("total", "合计", meaning="该行业全部主体数", table="lesson12"),
    *_Q6_COLUMNS,
    Field("farmer_business_share", "其中农户和个体工商户占比", meaning="名单中农户和个体工商户合计的占比，0–1",
          table="lesson12"),
    # 第 6 题（练习本与答案本）的小表：同样两列，占比一栏的说法与题面一致
    *[replace(f, table="lesson12_q6") for f in _Q6_COLUMNS],
    Field("farmer_business_share", "农户和个体工商户占比", meaning="名单中农户和个体工商户合计的占比，0–1",
          table="lesson12_q6"),
    # ---------------------------------------------------------------- 44 贷款生命周期
    Field("signal", "特征", meaning="催收评分模型的一个特征", table="lesson44"),
    Field("signal_coef", "系数（标准化后，正数越易回正）", meaning="催收评分模型里该特征的标准化系数；正数表示越容易回正",
          table="lesson44"),
    Field("signal_share", "亮灯比例", meaning="该预警信号亮灯的贷款月份占全部贷款月份的比例，0–1", table="lesson44"),
]

TEXTS = {
    # ---------------------------------------------------------------- 00 课程导览
    "lesson00.survey_title": "疫情期间小微经营主体的现金流压力（课程大纲转引）",
    "lesson00.avg_rate_axis": "平均利率（%）",
    "lesson00.sme_rate_title": "新发放普惠型小微企业贷款平均利率（金融监管总局）",
    # ---------------------------------------------------------------- 01 示范县一览
    "lesson01.group_industry_title": "示范县经营主体：客群 × 行业",
    "lesson01.our_share_axis": "在我行开户的比例（%）",
    "lesson01.township_title": "各乡镇经营主体数（柱）与我行渗透率（线）",
    "lesson01.sales_index_axis": "月销售额指数（三年月均 = 100）",
    "lesson01.seasonality_title": "各行业月度销售额的季节波动",
    "lesson01.severe_overdue_axis": "曾逾期 90 天以上的贷款占比（%）",
    "lesson01.group_risk_title": "各客群贷款的严重逾期比例（全部 {n:,} 笔，2023–2025 年发放）",
    "lesson01.honest_legend": "如实申报",
    "lesson01.misreporter_legend": "虚报（真相）",
    "lesson01.revenue_scatter_title": "自报年收入 vs 真实年收入（抽样 3000 户，对数坐标）",
    # ---------------------------------------------------------------- 11 经营目标
    "lesson11.period_legend": "期间",
    "lesson11.growth_axis": "余额增速（%）",
    "lesson11.growth_title": "我行各类贷款的年度余额增速",
    "lesson11.national_rate_reference": "全国新发放普惠型小微贷款平均利率（{period}）",
    "lesson11.buildup_title": "一笔示意贷款的定价拆解",
    "lesson11.national_avg_legend": "全国新发放普惠型小微平均 {value:.2f}%",
    "lesson11.annual_rate_axis": "年化利率（%）",
    "lesson11.rate_vs_break_even_title": "各客群的实际贷款利率与保本利率（按余额加权）",
    "lesson11.yield_scatter_title": "贷款净收益率 vs 综合收益率（每点一户，极端值压到 −10%～15%）",
    "lesson11.time_rate_scenario": "定期付息率 {rate}%",
    "lesson11.el_heatmap_title": "每百元贷款的预期损失（%）：客群 × 行业（空格：笔数 < 30）",
    "lesson11.lever_opex": "运营成本率从 1.2% 降到 1.0%",
    "lesson11.lever_ftp": "资金成本（FTP）降 0.1 个百分点",
    "lesson11.lever_capital": "资本充足率要求从 10.5% 降到 10%",
    "lesson11.lever_group": "客群：从{worst}（PD {worst_pd:.1%}）\n换到{best}（PD {best_pd:.1%}）",
    "lesson11.lever_axis": "保本利率下降（百分点）",
    "lesson11.lever_title": "压低保本利率的几种办法",
    "lesson11.national_avg_reference": "全国新发放普惠型小微平均利率",
    "lesson11.buildup_widget_title": "定价拆解（风险权重等均为示意参数）",
    # ---------------------------------------------------------------- 12 客群与精准营销
    "lesson12.industry_mix_title": "各客群的行业构成（每行合计 100%）",
    "lesson12.group_share_axis": "占该客群的比例",
    "lesson12.age_mix_title": "各客群经营者的年龄构成",
    "lesson12.penetration_title": "各客群的我行渗透率与主办行份额",
    "lesson12.market_share_title": "各客群的主办行份额：我行与五家同业",
    "lesson12.top_peer": "份额最大的同业",
    "lesson12.top_peer_share": "该同业的份额",
    "lesson12.township_tick": "{township}（{n:,} 户）",
    "lesson12.growth_town_legend": "主体数多于中位数、\n渗透率低于平均",
    "lesson12.county_avg_legend": "全县平均 {share:.0%}",
    "lesson12.township_penetration_title": "各乡镇的我行渗透率（括号内为主体数）",
    "lesson12.industry_share_axis": "占该行业全部主体的比例",
    "lesson12.coverage_title": "五大行业：我行 {n:,} 户信贷客户与交叉营销空间",
    "lesson12.excluded_band": "被排除",
    "lesson12.group_mean_title": "{label}（组内平均）",
    "lesson12.score_check_title": "按得分分组检验：真实违约概率与营销响应概率（真相，仅供检验）",
    "lesson12.holding_title": "我行客户的产品持有率（按客群）",
    "lesson12.leads_title": "营销线索（得分 ≥ 70）：客群 × 行业，共 {n:,} 条",
    # ---------------------------------------------------------------- 42 三维度交叉验证
    "lesson42.not_visited": "未走访",
    "lesson42.reputation_title": "虚报比例：按村里口碑",
    "lesson42.visit_title": "虚报比例：按走访评分（1 差 – 5 好）",
    "lesson42.misreport_axis": "虚报收入的比例（%，真相）",
    "lesson42.visit_axis": "走访评分",
    "lesson42.all_applicants": "全体申请人",
    "lesson42.reported_short": "自报",
    "lesson42.verified_legend": "核实收入 {value:.1f} 万元",
    "lesson42.revenue_axis": "年营业收入（万元）",
    "lesson42.one_entity_title": "主体 {entity}：自报是核实收入的 {ratio:.2f} 倍",
    # ---------------------------------------------------------------- 43 评分卡
    "lesson43.bin_bad_rate_title": "各箱坏样本率（虚线 = 全体）",
    "lesson43.bin_woe_title": "各箱 WoE",
    "lesson43.iv_title": "开发样本各特征的 IV（虚线：0.02、0.1）",
    "lesson43.truth_pd_legend": "真实违约概率（真相）",
    "lesson43.bad_share_legend": "实际变坏比例",
    "lesson43.perfect_legend": "完全校准",
    "lesson43.calibration_xlabel": "模型预测的违约概率（十档平均）",
    "lesson43.calibration_ylabel": "违约概率 / 变坏比例",
    "lesson43.calibration_title": "校准图：验证样本按模型违约概率分十档",
    # ---------------------------------------------------------------- 44 贷款生命周期
    "lesson44.whitelisted_axis": "白名单户数（户）",
    "lesson44.binding_title": "白名单户的额度被哪条约束卡住",
    "lesson44.excluded_axis": "未入白名单户数（户）",
    "lesson44.exclusion_title": "未入白名单的原因（一户可有多条）",
    "lesson44.approval_rate_title": "通过率（%）",
    "lesson44.expected_legend": "预期（评分卡）",
    "lesson44.actual_legend": "实际（真相表）",
    "lesson44.bad_rate_title": "通过者坏账率（%）",
    "lesson44.profit_title": "一年利润（万元）",
    "lesson44.cutoff_title": "切分点取舍（2024 年下半年以来的申请）",
    "lesson44.by_balance": "按余额",
    "lesson44.by_count": "按笔数",
    "lesson44.npl_axis": "不良贷款率（%）",
    "lesson44.npl_title": "我行（示范县）不良贷款率，逐月",
    "lesson44.migration_title": "五级分类月度迁移矩阵（按余额）",
    "lesson44.roll_rate_title": "逾期账龄桶月度滚动率（按笔数）",
    "lesson44.vintage_title": "累计 {dpd}+ 逾期率",
    "lesson44.vintage_legend": "放款月份",
    "lesson44.lead_time_title": "预警提前期分布（门槛 15 分，回看 12 个月）",
    "lesson44.allocation_title": "催收人手与预期回收（每人每周 40 小时）",
}
