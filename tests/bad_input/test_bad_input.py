"""坏输入测试：每个公开函数、每个估计器的构造参数，都拿坏的变体去调用。

合法调用取自各自文档的 Examples（harness.harvest），变体见 harness.variants。每个变体只许两种结局：
正常返回，或抛出本库的 RuralfinError（中文信息）。不许：原始的 pandas/numpy/sklearn 异常、卡住、
改动输入；输入里有坏的数值而函数照常返回时，输出不许比合法调用多出 NaN/inf（悄悄算错）。

覆盖面：``python tests/bad_input/report.py`` 打印覆盖的函数数与变体数。
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import harness as h  # noqa: E402

CALLABLES = dict(h.public_callables())

#: 如实照抄输入的函数：输入里有 NaN，输出里照样显示 NaN 并不是算错（显示、遮蔽、画图数据）
PASSTHROUGH = {
    "ruralfin.labels.to_display": "把表换成中文显示：原样显示输入的值，缺失就显示缺失",
    "ruralfin.segments.prospects.existing_customer_prospects":
        "规则值缺失按文档算“不满足该条”（示范县本身有几千个缺失的走访评分），输出里照抄输入的该列",
    "ruralfin.risk.crosscheck.combine_revenue": "某来源的估计缺失 = 该来源估不出（交叉验证函数自己就产生这种缺失），逐行跳过",
    "ruralfin.risk.crosscheck.flag_revenue": "核实收入缺失 = 没有可比的来源，这一户不下结论（文档写明）",
    "ruralfin.risk.crosscheck.flow_revenue": "schema 允许“在我行结算占比”缺失，缺失的户不推算",
    "ruralfin.risk.decisions.decide": "评分或偿债比缺失的申请转人工审查（带中文警告），不是算错",
    "ruralfin.risk.preapproval.pre_approve": "评分缺失或规则列缺失按各规则的 missing 设定处理（文档写明）",
}

#: 文档里没有调用它本身的可运行示例的公开名字，每个写明原因；由各自的单元测试覆盖
NO_EXAMPLE_OK = {
    "ruralfin.doctor.Check": "数据类型：一项环境检查的结果（run_checks 产生，format_report 的例子里构造）",
    "ruralfin.labels.Field": "数据类型：登记处的一条列说明（labels/_*.py 的 FIELDS 里构造）",
    "ruralfin.practice._core.Blank": "框架内部的哨兵类型：练习本里的 ____ 占位符",
    "ruralfin.practice._core.Result": "数据类型：一次判分的结果（Question.evaluate 返回）",
    "ruralfin.practice._core.Question": "各题型的基类：学员与讲师用的是子类（NumberQuestion、ChoiceQuestion……）",
    "ruralfin.practice._core.CustomQuestion": "框架类型：带自定义判分函数的题，只在 practice/lessonNN.py 里构造",
    "ruralfin.risk.collection.AllocationResult": "数据类型：催收分配的结果（allocate_collectors 返回）",
    "ruralfin.schema.Column": "数据类型：表结构里的一列（schema.TABLES 里构造）",
    "ruralfin.schema.Table": "数据类型：一张表的结构（schema.TABLES 里构造）",
    "ruralfin.widgets.interactive_figure":
        "有示例，但 ipywidgets 的控件不能深拷贝（NotImplementedError），记录器取不到合法调用；由 test_widgets 覆盖",
}


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path, monkeypatch):
    """坏的路径参数（如把数字换成 "abc"）可能让写文件的函数写到当前目录：在临时目录里跑。"""
    monkeypatch.chdir(tmp_path)


def test_harness_sees_the_public_api():
    assert len(CALLABLES) > 120


@pytest.mark.parametrize("qualname", sorted(CALLABLES))
def test_bad_input_gets_a_chinese_error_and_nothing_leaks(qualname):
    call = h.harvest(CALLABLES[qualname])
    if call is None:
        if qualname in NO_EXAMPLE_OK:
            pytest.skip("没有可运行的文档示例，由单元测试覆盖")
        pytest.fail(f"{qualname} 的文档里没有调用它的可运行示例（Examples），坏输入测试无从下手")
    outcomes = h.audit(call)
    if not outcomes and not inspect.signature(CALLABLES[qualname]).parameters:
        pytest.skip("不带参数：没有可以出错的输入")
    assert outcomes, "没有派生出任何变体"
    bad = [o for o in outcomes if o.kind in ("bare", "hang", "mutation")
           or (o.kind == "silent_nan" and qualname not in PASSTHROUGH)]
    assert not bad, f"{qualname}：{len(bad)}/{len(outcomes)} 个坏输入没有得到本库的中文报错：\n" + "\n".join(
        f"  {o.variant}: {o.kind} {o.detail}" for o in bad)


def careless(df, col="a"):
    """改动输入、对坏列名抛 KeyError 的函数（给检查本身用）。

    >>> careless(pd.DataFrame({"a": [1.0, 2.0]}))
    3.0
    """
    total = float(df[col].sum())
    df["a"] = 0.0
    return total


def sloppy_sum(df):
    """不检查缺失值、悄悄返回 NaN 的函数。

    >>> sloppy_sum(pd.DataFrame({"a": [1.0, 2.0]}))
    3.0
    """
    return float(df["a"].to_numpy().sum())


def draw_line(values, ax=None):
    """默认 None 的 ax 直接拿来画图、不检查类型的函数（给检查本身用）。

    >>> draw_line([1.0, 2.0])
    2
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots()
    ax.plot(values)
    return len(values)


def first_rule(x, rules):
    """对象参数（规则列表）不检查类型的函数。

    >>> first_rule(1.0, [("min", 0.5)])
    True
    """
    name, threshold = rules[0]
    return x >= threshold


def test_the_harness_can_fail():
    """检查本身能失败：原始异常、改动输入、悄悄多出 NaN，都必须被抓到。"""
    kinds = {o.variant: o.kind for o in h.audit(h.harvest(careless))}
    assert kinds["col:str→unknown"] == "bare"
    assert kinds["arg0:nan[a]"] == "mutation"
    kinds = {o.variant: o.kind for o in h.audit(h.harvest(sloppy_sum))}
    assert kinds["arg0:nan[a]"] == "silent_nan"
    assert kinds["arg0:drop[a]"] == "bare"
    # 默认 None 的参数、其他对象参数也换成错的类型：ax="__no_such__"、rules=123 都是原始异常
    kinds = {o.variant: o.kind for o in h.audit(h.harvest(draw_line))}
    assert kinds["ax:none→unknown"] == "bare" and kinds["ax:none→int"] == "bare"
    kinds = {o.variant: o.kind for o in h.audit(h.harvest(first_rule))}
    assert kinds["arg1:obj→int"] == "bare" and kinds["arg1:obj→None"] == "bare"
