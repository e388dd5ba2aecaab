"""读入一份像真的银行导出：本行表头、多余的列、字母数字混排的借据号、以元计的金额、GBK 编码、.xls。

导出文件都由随包安装的示范县表改造而成（合成数据）；读回来后算出的监管指标必须与示范县本身一致。
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import ruralfin as rf
from ruralfin import labels, schema
from ruralfin.datasets import load_dataset, mapping_template, read_table, validate_table
from ruralfin.datasets import _read as _io
from ruralfin.errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning, SchemaError

DATA = Path(__file__).resolve().parents[1] / "data"
sys.path.insert(0, str(DATA))
from make_bank_loans_xls import MAPPING as XLS_MAPPING  # noqa: E402
from make_bank_loans_xls import N_ROWS as XLS_ROWS  # noqa: E402
from make_bank_loans_xls import loan_number  # noqa: E402

MONTHS = ("2024-12-31", "2025-12-31")

# 本行表头 -> 课程列名：只写本行叫法与课程不同的列；其余列的表头就是登记处的中文名
LOANS_MAPPING = {
    "借据号": "loan_id",
    "客户号": "entity_id",
    "合同金额（元）": "loan_amount",
    "执行利率": "合同利率",  # 课程列名也可以写中文名
    "授信总额": "borrower_credit_line",
    "结清日期": "closed_date",
}
MONTHLY_MAPPING = {"借据号": "loan_id", "客户号": "entity_id", "统计月份": "month", "当月应还（元）": "scheduled_payment",
                   "当月实还（元）": "paid_amount"}


@pytest.fixture(scope="module")
def shipped():
    return {"loans": load_dataset("loans"), "loan_monthly": load_dataset("loan_monthly")}


def _bank_view(df, table, mapping):
    """示范县的表 -> 银行导出的样子：中文表头与取值、本行叫法、借据号/客户号改成文本、万元改成元。"""
    shown = labels.to_display(df, table=table, mask=False)
    back = {}
    for bank, ours in mapping.items():
        name = ours if ours in df.columns else _io._header_map(table)[ours]
        back[labels.get(name, table=table).display] = bank
    shown = shown.rename(columns=back)
    shown["借据号"] = df["loan_id"].map(lambda i: f"JJ2024{i:06d}")
    shown["客户号"] = df["entity_id"].map(lambda i: f"KH{i:08d}")
    for c in schema.get_table(table).columns:
        if c.unit == "万元":
            display = labels.get(c.name, table=table).display
            shown[back.get(display, display)] = df[c.name].astype("float64") * 10_000
    for col in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[col]):
            shown[col] = shown[col].dt.strftime("%Y/%m/%d")
    return shown


@pytest.fixture(scope="module")
def export(shipped, tmp_path_factory):
    """一份 GBK 编码的贷款导出和一份两个月末的余额快照导出。"""
    d = tmp_path_factory.mktemp("bank")
    loans = _bank_view(shipped["loans"], "loans", LOANS_MAPPING)
    loans["经办柜员"] = np.where(shipped["loans"]["loan_id"] % 2 == 0, "张某", "李某")
    loans["备注"] = ""
    lm = shipped["loan_monthly"]
    snap = lm[lm["month"].isin(pd.to_datetime(MONTHS))].reset_index(drop=True)
    monthly = _bank_view(snap, "loan_monthly", MONTHLY_MAPPING)
    # 余额用登记处的中文名加“（元）”：表头本身写明了单位
    monthly = monthly.rename(columns={"贷款余额（万元）": "贷款余额（元）"})
    monthly["备注"] = "月末快照"
    paths = {"loans": d / "贷款台账.csv", "loan_monthly": d / "月末余额.csv"}
    loans.to_csv(paths["loans"], index=False, encoding="gbk")
    monthly.to_csv(paths["loan_monthly"], index=False, encoding="gbk")
    return paths


def _read(paths, table, **kw):
    mapping = LOANS_MAPPING if table == "loans" else MONTHLY_MAPPING
    kw.setdefault("columns", mapping)
    with pytest.warns(RuralfinWarning, match="备注"):
        return read_table(paths[table], table, **kw)


def test_read_with_mapping_keeps_schema_types_string_ids_and_extra_columns(export, shipped):
    raw = pd.read_csv(export["loans"], encoding="gbk", dtype=str, nrows=3)  # 导出文件确实像银行的
    assert {"借据号", "客户号", "合同金额（元）", "经办柜员", "备注", "担保方式"} <= set(raw.columns)
    assert raw["借据号"].str.match(r"JJ2024\d{6}").all()
    with pytest.raises(UnicodeDecodeError):
        export["loans"].read_text(encoding="utf-8")
    loans = _read(export, "loans", amount_unit="元")
    names = schema.get_table("loans").column_names
    assert loans.columns.tolist() == names + ["经办柜员", "备注"]
    assert pd.api.types.is_string_dtype(loans["loan_id"]) and loans["loan_id"].iloc[0] == "JJ2024000001"
    assert pd.api.types.is_string_dtype(loans["entity_id"])
    assert str(loans["application_id"].dtype) == "Int32"  # 纯数字的编号照旧是整数
    expected = shipped["loans"].drop(columns=["loan_id", "entity_id"])
    pd.testing.assert_frame_equal(loans[expected.columns], expected, check_exact=False, rtol=1e-12)
    assert loans["经办柜员"].isin(["张某", "李某"]).all()


def test_regulatory_indicators_from_the_export_equal_the_shipped_county(export, shipped):
    loans = _read(export, "loans", amount_unit="元")
    monthly = _read(export, "loan_monthly", amount_unit="元")
    assert pd.api.types.is_string_dtype(monthly["loan_id"])
    ours = rf.economics.regulatory_indicators(
        rf.economics.loan_book(loans, monthly, MONTHS[0]), rf.economics.loan_book(loans, monthly, MONTHS[1]),
        new_loans=loans)
    ref = rf.economics.regulatory_indicators(
        rf.economics.loan_book(shipped["loans"], shipped["loan_monthly"], MONTHS[0]),
        rf.economics.loan_book(shipped["loans"], shipped["loan_monthly"], MONTHS[1]),
        new_loans=shipped["loans"])
    v, r = ours.set_index("indicator")["value"], ref.set_index("indicator")["value"]
    assert r["all_loans_npl_ratio"] > 0 and r["inclusive_micro_borrowers"] > 100
    assert v["all_loans_npl_ratio"] == pytest.approx(r["all_loans_npl_ratio"], abs=1e-9)
    assert v["inclusive_micro_npl_ratio"] == pytest.approx(r["inclusive_micro_npl_ratio"], abs=1e-9)
    assert v["inclusive_micro_borrowers"] == r["inclusive_micro_borrowers"]
    pd.testing.assert_frame_equal(ours, ref, check_exact=False, atol=1e-9)


def test_mapping_file_flow_gives_the_same_table(export, tmp_path):
    path = mapping_template("loans", tmp_path / "贷款对照表.csv")
    template = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert template.columns.tolist()[:2] == ["本行列名", "课程列名"]
    assert template["课程列名"].tolist() == schema.get_table("loans").column_names
    assert template.set_index("课程列名").loc["loan_amount", "中文名"] == "贷款金额"
    assert (template["本行列名"] == "").all()
    # 分析员在 Excel 里填好“本行列名”，另存为 CSV（中文 Windows 下是 GBK）
    fill = {_io._header_map("loans").get(v, v): k for k, v in LOANS_MAPPING.items()}
    template["本行列名"] = template["课程列名"].map(fill).fillna("")
    filled = tmp_path / "贷款对照表_已填.csv"
    template.to_csv(filled, index=False, encoding="gbk")
    from_file = _read(export, "loans", columns=filled, amount_unit="元")
    from_dict = _read(export, "loans", amount_unit="元")
    pd.testing.assert_frame_equal(from_file, from_dict)


def test_mapping_template_never_overwrites(tmp_path):
    p = tmp_path / "对照表.csv"
    p.write_text("本行列名,课程列名\n借据号,loan_id\n", encoding="utf-8")
    with pytest.raises(RuralfinValueError, match="已存在.*不会覆盖"):
        mapping_template("loans", p)
    assert p.read_text(encoding="utf-8") == "本行列名,课程列名\n借据号,loan_id\n"
    with pytest.raises(RuralfinValueError, match=".csv"):
        mapping_template("loans", tmp_path / "a.xlsx")
    with pytest.raises(RuralfinValueError, match="可用的表"):
        mapping_template("loan", tmp_path / "b.csv")


def test_unmapped_columns_are_reported_with_chinese_label_and_schema_name(export):
    with pytest.raises(SchemaError) as info:
        read_table(export["loans"], "loans", amount_unit="元")
    text = str(info.value)
    assert "缺少列：贷款编号（loan_id）、主体编号（entity_id）、贷款金额（loan_amount）" in text
    assert "未对应上的列：借据号、客户号" in text and "columns=" in text


def test_yuan_amounts_without_amount_unit_get_a_chinese_hint(export):
    with pytest.raises(SchemaError) as info:
        read_table(export["loans"], "loans", columns=LOANS_MAPPING)
    lines = info.value.problems
    assert len(lines) == 4  # 合同金额、授信总额、核销金额、核销后追回：四个万元列都以元导出
    assert lines[0].startswith("列 贷款金额（loan_amount，文件里叫“合同金额（元）”）看起来是以元计")
    assert 'amount_unit="元"' in lines[0] and "除以 10000" in lines[0]
    assert lines[1].startswith("列 单户授信总额（borrower_credit_line，文件里叫“授信总额”）看起来是以元计")
    assert "（written_off_amount）看起来是以元计" in lines[2] and "（recovered_after_write_off）看起来是以元计" in lines[3]


def test_header_that_says_yuan_needs_amount_unit(export):
    with pytest.raises(SchemaError) as info:
        read_table(export["loan_monthly"], "loan_monthly", columns=MONTHLY_MAPPING,
                   amount_unit={"scheduled_payment": "元", "paid_amount": "元"})
    assert info.value.problems == [
        '列 贷款余额（balance）的表头写明单位是元，课程按万元计；如确是元，请传入 amount_unit="元"（表里全部万元列）'
        '或 amount_unit={"balance": "元"}，读入时除以 10000 换成万元']


def test_converting_amounts_that_are_already_wanyuan_is_caught():
    loans = load_dataset("loans").head(200)
    with pytest.raises(SchemaError, match="贷款金额（loan_amount）按 amount_unit 从元换算后.*看起来原本就是万元"):
        validate_table(loans, "loans", amount_unit={"loan_amount": "元"})
    # 明说是万元：不再按量级检查
    big = loans.assign(loan_amount=loans["loan_amount"] * 10_000)
    with pytest.raises(SchemaError, match="看起来是以元计"):
        validate_table(big, "loans")
    out = validate_table(big, "loans", amount_unit={"贷款金额": "万元"})
    assert out["loan_amount"].median() == loans["loan_amount"].median() * 10_000


def test_unit_rule_separates_wanyuan_from_yuan_for_every_shipped_column():
    typical_missing = []
    for t in schema.TABLES.values():
        cols = [c.name for c in t.columns if c.unit == "万元"]
        if not cols:
            continue
        df = load_dataset(t.name)
        for name in cols:
            if name not in _io._TYPICAL_WANYUAN and (t.name, name) not in _io._TYPICAL_WANYUAN_BY_TABLE:
                typical_missing.append(f"{t.name}.{name}")
            s = df[name].astype("float64")
            med = s[s > 0].median()
            low, high = _io._unit_limits(name, t.name)
            assert low < med < high, (t.name, name, med)
            assert med * 10_000 > high, (t.name, name)  # 以元导出必被发现
            assert med / 10_000 < low, (t.name, name)  # 把万元误当元换算也会被发现
    assert not typical_missing, typical_missing


def test_unknown_mapping_target_names_the_column_and_the_choices(export):
    with pytest.raises(RuralfinValueError) as info:
        read_table(export["loans"], "loans", columns={"借据号": "loan_no"})
    text = str(info.value)
    assert "“借据号”对应到 'loan_no'" in text and "表 loans 没有这一列" in text and "是不是 loan_id" in text
    assert "可选的课程列名：贷款编号（loan_id）、主体编号（entity_id）" in text
    with pytest.raises(RuralfinValueError, match="写反了"):
        validate_table(load_dataset("loans").head(3), "loans", columns={"loan_id": "借据号"})
    with pytest.raises(RuralfinTypeError, match="columns"):
        validate_table(load_dataset("loans").head(3), "loans", columns=["借据号", "loan_id"])


def test_bad_mapping_file_and_amount_unit(tmp_path):
    loans = load_dataset("loans").head(3)
    p = tmp_path / "对照表.csv"
    p.write_text("银行,课程\n借据号,loan_id\n", encoding="utf-8")
    with pytest.raises(RuralfinValueError, match="缺少表头 本行列名、课程列名"):
        validate_table(loans, "loans", columns=p)
    with pytest.raises(RuralfinValueError, match="找不到列名对照表"):
        validate_table(loans, "loans", columns=tmp_path / "无.csv")
    with pytest.raises(RuralfinValueError, match="amount_unit 不认识取值 '千元'"):
        validate_table(loans, "loans", amount_unit="千元")
    with pytest.raises(RuralfinValueError, match=r"'contract_rate' 不是表 loans 中以万元计的列；以万元计的列：贷款金额（loan_amount）、单户授信总额"):
        validate_table(loans, "loans", amount_unit={"contract_rate": "元"})


def test_string_keys_duplicates_are_checked_on_the_strings():
    loans = load_dataset("loans").head(5)
    ids = loans.assign(loan_id=["JJ001", "JJ002", "JJ003", "JJ004", "JJ005"])
    out = validate_table(ids, "loans")
    assert out["loan_id"].tolist() == ["JJ001", "JJ002", "JJ003", "JJ004", "JJ005"]
    assert pd.api.types.is_string_dtype(out["loan_id"])
    with pytest.raises(SchemaError) as info:
        validate_table(ids.assign(loan_id=["JJ001", "JJ001", "JJ003", "JJ004", "JJ005"]), "loans")
    assert info.value.problems == ["主键 贷款编号（loan_id）有 2 行重复，如 'JJ001'"]
    # Excel 里同一个编号有的存成数字、有的存成文字：是同一笔，不算重复也不丢
    mixed = loans.assign(loan_id=pd.Series([1.0, "2", 3, " 4 ", "JJ5"], dtype=object))
    assert validate_table(mixed, "loans")["loan_id"].tolist() == ["1", "2", "3", "4", "JJ5"]


def test_numeric_ids_with_leading_zeros_or_too_long_stay_text():
    loans = load_dataset("loans").head(3)
    zeros = validate_table(loans.assign(loan_id=["0012", "0013", "0014"]), "loans")
    assert zeros["loan_id"].tolist() == ["0012", "0013", "0014"]
    long = validate_table(loans.assign(loan_id=["320500202400000123", "320500202400000124", "9"]), "loans")
    assert long["loan_id"].tolist() == ["320500202400000123", "320500202400000124", "9"]
    plain = validate_table(loans.assign(loan_id=["12", "13", "14"]), "loans")
    assert plain["loan_id"].dtype == "int32" and plain["loan_id"].tolist() == [12, 13, 14]
    with pytest.raises(SchemaError, match="贷款编号（loan_id）有 1 个负数"):
        validate_table(loans.assign(loan_id=["12", "-13", "14"]), "loans")


def test_blank_in_required_column_is_a_problem_not_a_crash(tmp_path):
    loans = load_dataset("loans").head(4).astype({"term_months": "str"})
    loans.loc[1, "term_months"] = ""
    p = tmp_path / "缺值.csv"
    loans.to_csv(p, index=False)
    with pytest.raises(SchemaError) as info:
        read_table(p, "loans")
    assert info.value.problems == ["列 期限（term_months）不能为空，有 1 个空值"]


def test_extra_columns_are_kept_the_input_is_untouched_and_empty_unnamed_columns_dropped(tmp_path):
    v = load_dataset("villages").head(4)
    raw = v.assign(备注=["a", "", "c", ""])
    before = raw.copy()
    with pytest.warns(RuralfinWarning, match="1 列不在课程的表结构里.*备注"):
        out = validate_table(raw, "villages")
    pd.testing.assert_frame_equal(raw, before)
    assert out.columns[-1] == "备注" and out["备注"].tolist()[0] == "a"
    pd.testing.assert_frame_equal(out.drop(columns="备注"), v)
    p = tmp_path / "村.csv"
    p.write_text(v.to_csv(index=False).replace("\n", ",\n"), encoding="utf-8")  # 每行末尾多一个逗号
    with pytest.warns(RuralfinWarning, match="1 个没有表头的空列，已忽略"):
        back = read_table(p, "villages")
    pd.testing.assert_frame_equal(back, v)


def test_old_core_system_xls_export():
    with pytest.warns(RuralfinWarning, match="经办柜员、备注"):
        got = read_table(DATA / "bank_loans.xls", "loans", columns=XLS_MAPPING, amount_unit="元")
    expected = load_dataset("loans").head(XLS_ROWS)
    expected = expected.assign(loan_id=expected["loan_id"].map(loan_number).astype("str"))
    assert got.columns.tolist()[-2:] == ["经办柜员", "备注"]
    pd.testing.assert_frame_equal(got.drop(columns=["经办柜员", "备注"]), expected)


def test_xls_without_xlrd_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "xlrd", None)  # 让 import xlrd 失败
    with pytest.raises(RuralfinValueError) as info:
        read_table(DATA / "bank_loans.xls", "loans", columns=XLS_MAPPING, amount_unit="元")
    text = str(info.value)
    assert "xlrd" in text and 'pip install "xlrd>=2.0.1"' in text and "另存为 .xlsx 或 .csv" in text


def test_xls_that_is_really_a_web_page(tmp_path):
    p = tmp_path / "导出.xls"
    p.write_text("<html><table><tr><td>借据号</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(RuralfinValueError, match="不是真正的 Excel 文件.*另存为 .xlsx 或 .csv"):
        read_table(p, "loans")
    with pytest.raises(RuralfinValueError, match="没有工作表 '台账'；现有：贷款台账"):
        read_table(DATA / "bank_loans.xls", "loans", sheet_name="台账")
