"""issue 11 第 5 条：Scorecard.to_sql 在真实数据库里——按方言转义、数值列先转双精度、缺列报错。

在两个真引擎（sqlite 与进程内的 DuckDB）里对示范县每一笔申请逐行对分；MySQL、Hive、Spark、
PostgreSQL 没有本地引擎，用 sqlglot 按各自方言解析生成的 SQL：必须恰好一条语句，类别取值原样是数据。
"""

import math
import sqlite3

import duckdb
import numpy as np
import pandas as pd
import pytest
import sqlglot
from sqlglot import exp

from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.binning import WoEBinner
from ruralfin.risk.scorecard import Scorecard

FEATURES = ["manager_visit_score", "max_dpd_24m", "credit_inquiries_6m", "deposit_avg_6m",
            "flow_trend_6m", "social_security_months", "operator_age", "channel", "purpose"]
NUMERIC = [f for f in FEATURES if f not in ("channel", "purpose")]
#: 只有 MySQL 默认模式、Hive、Spark 会把反斜杠当转义符：只把 ' 写成 '' 时，这个取值会把 SQL 拆成 3 条语句
PAYLOAD = "b\\'; DROP TABLE t; -- "
ODD_VALUES = [PAYLOAD, "o'brien", '"x"', "tea\\", "稻谷"]
ENGINES = ["sqlite", "duckdb"]
PARSED_DIALECTS = ["mysql", "hive", "spark", "postgres", "ansi", "sqlite", "duckdb"]


@pytest.fixture(scope="module")
def county_card(county):
    apps = county["applications"]
    dev = apps[(apps["sample"] == "development") & apps["bad_12m"].notna()]
    card = Scorecard(WoEBinner(max_bins=5)).fit(dev[FEATURES], dev["bad_12m"].astype(int))
    expected = pd.Series(card.predict_points(apps[FEATURES]).to_numpy(), index=apps["application_id"].astype(str).to_numpy())
    return card, apps, expected


def _plain_table(apps: pd.DataFrame, *, numbers_as_text: bool = False) -> pd.DataFrame:
    """入库用的普通表：类别成字符串（缺失 = NULL）；numbers_as_text 时数值列存成文本（仓库里常见）。"""
    table = pd.DataFrame({"application_id": apps["application_id"].astype(str).to_numpy()})
    for col in FEATURES:
        s = apps[col]
        if col in NUMERIC:
            x = s.to_numpy(dtype=float, na_value=np.nan)
            if numbers_as_text:
                table[col] = pd.Series([None if math.isnan(v) else repr(float(v)) for v in x], dtype=object)
            else:
                table[col] = x
        else:
            table[col] = pd.Series([None if pd.isna(v) else str(v) for v in s], dtype=object)
    return table


def _load(engine: str, table: pd.DataFrame, name: str = "applications", *, text_columns=()):
    """把表写进一个新的内存数据库；text_columns 建成 TEXT/VARCHAR 列。"""
    if engine == "sqlite":
        con = sqlite3.connect(":memory:")
        quote = lambda c: '"' + c.replace('"', '""') + '"'  # noqa: E731
        types = {c: ("REAL" if c not in text_columns and pd.api.types.is_numeric_dtype(table[c]) else "TEXT")
                 for c in table.columns}
        con.execute(f"CREATE TABLE {quote(name)} ({', '.join(f'{quote(c)} {t}' for c, t in types.items())})")
        marks = ", ".join("?" for _ in table.columns)
        rows = [tuple(None if (isinstance(v, float) and math.isnan(v)) else v for v in r)
                for r in table.itertuples(index=False)]
        con.executemany(f"INSERT INTO {quote(name)} VALUES ({marks})", rows)
        return con
    con = duckdb.connect()
    con.register("frame", table)
    con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
    con.unregister("frame")
    if text_columns:
        kinds = dict(con.execute(f"SELECT column_name, data_type FROM information_schema.columns "
                                 f"WHERE table_name = '{name}'").fetchall())
        assert all(kinds[c] == "VARCHAR" for c in text_columns), kinds
    return con


def _query(con, sql: str) -> pd.DataFrame:
    if isinstance(con, sqlite3.Connection):
        return pd.read_sql_query(sql, con)
    return con.execute(sql).df()


def _table_exists(con, name: str) -> bool:
    if isinstance(con, sqlite3.Connection):
        return con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()[0] == 1
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0] == 1


def _engine_dialects(engine):
    return ["sqlite", "ansi"] if engine == "sqlite" else ["duckdb", "ansi", "postgres"]


# ---------------------------------------------------------------- 示范县每一笔申请：数据库里的分 = Python 的分


@pytest.mark.parametrize("numbers_as_text", [False, True], ids=["numeric", "text"])
@pytest.mark.parametrize("engine", ENGINES)
def test_points_equal_python_for_every_county_applicant(county_card, engine, numbers_as_text):
    """数值列存成 TEXT/VARCHAR 也要算对（CAST 成双精度）：不转时 sqlite 按字符串比，'10' < '9'，85 % 的分错。"""
    card, apps, expected = county_card
    table = _plain_table(apps, numbers_as_text=numbers_as_text)
    con = _load(engine, table, text_columns=NUMERIC if numbers_as_text else ())
    for dialect in _engine_dialects(engine):
        got = _query(con, card.to_sql("applications", dialect=dialect, keep_columns=["application_id"]))
        assert list(got.columns) == ["application_id", "points"]
        assert len(got) == len(apps) > 10_000
        assert got["points"].dtype == np.float64, (dialect, got["points"].dtype)
        want = expected.loc[got["application_id"]].to_numpy()
        np.testing.assert_array_equal(got["points"].to_numpy(), want, err_msg=f"{engine}/{dialect}")
        # 只要表达式，嵌进自己的查询
        expr = card.to_sql(None, dialect=dialect)
        got2 = _query(con, f"SELECT application_id, {expr} AS s FROM applications")
        np.testing.assert_array_equal(got2["s"].to_numpy(), expected.loc[got2["application_id"]].to_numpy())
    con.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_text_numbers_compare_as_numbers(engine):
    """'10' 与 '9' 按数值比；切点恰好等于数据值时与 Python 一样归右边的箱（左闭右开）。"""
    X = pd.DataFrame({"months": [1.0, 2, 3, 9, 10, 11, 12, 20, 30, 100] * 20})
    y = [1, 1, 1, 1, 0, 1, 0, 0, 0, 0] * 20
    card = Scorecard(WoEBinner(max_bins=3, min_bin_share=0.1)).fit(X, y)
    assert set(card.binner_.bins_["months"].splits) <= set(X["months"])  # 切点就是数据值：边界最容易错
    text = pd.DataFrame({"months": pd.Series([repr(float(v)) for v in X["months"]] + [None, "100000"], dtype=object)})
    con = _load(engine, text, "t", text_columns=["months"])
    got = _query(con, card.to_sql("t", dialect=engine))
    want = card.predict_points(pd.DataFrame({"months": [*X["months"], np.nan, 100000.0]}))
    np.testing.assert_array_equal(got["points"].to_numpy(), want.to_numpy())
    # 有分辨力：按字符串比（'10.0' < '9.0'）会把一些行放进别的箱
    cuts = card.binner_.bins_["months"].splits
    assert any((repr(v) < repr(c)) != (v < c) for v in X["months"] for c in cuts)
    con.close()


# ---------------------------------------------------------------- 注入：类别取值只是数据


@pytest.fixture(scope="module")
def odd_card():
    values = ODD_VALUES * 40
    X = pd.DataFrame({"crop": pd.Series(values, dtype="str"), "农户 \"类型\" `x` [y]": np.arange(len(values)) % 7.0})
    y = np.array([1, 0, 0, 1, 0] * 40)
    y[::7] = 1 - y[::7]
    card = Scorecard(WoEBinner(max_bins=5, min_bin_share=0.05)).fit(X, y)
    assert set(card.binner_.bins_["crop"].levels) == set(ODD_VALUES)
    return card, X


@pytest.mark.parametrize("engine", ENGINES)
def test_injection_payload_round_trips_as_data(odd_card, engine):
    card, X = odd_card
    table = pd.DataFrame({"crop": pd.Series(list(X["crop"]), dtype=object), X.columns[1]: X.iloc[:, 1].to_numpy()})
    con = _load(engine, table, "t")
    want = card.predict_points(X).to_numpy()
    for dialect in _engine_dialects(engine):
        sql = card.to_sql("t", dialect=dialect, keep_columns="crop", points_column="分 数")
        if engine == "sqlite":
            assert sqlite3.complete_statement(sql + ";")
            con.executescript(sql)  # executescript 会执行拆出来的每一条语句：注入成功的话 t 就没了
        else:
            assert len(con.extract_statements(sql)) == 1
            con.execute(sql)
        assert _table_exists(con, "t"), dialect
        got = _query(con, sql)
        assert got["crop"].tolist() == X["crop"].tolist()
        np.testing.assert_array_equal(got["分 数"].to_numpy(), want, err_msg=dialect)
        assert (got.loc[got["crop"] == PAYLOAD, "分 数"] == want[X["crop"] == PAYLOAD]).all()
    con.close()


@pytest.mark.parametrize("dialect", PARSED_DIALECTS)
def test_every_dialect_parses_as_one_statement_with_the_values_as_data(odd_card, dialect):
    """MySQL/Hive/Spark 用反斜杠转义：生成的 SQL 按该方言解析必须恰好一条语句，取值与列名原样还原。"""
    card, X = odd_card
    odd_name = X.columns[1]
    sql = card.to_sql("t; DROP TABLE t", dialect=dialect, keep_columns=[odd_name], points_column="p`\"]")
    read = "" if dialect == "ansi" else dialect
    statements = sqlglot.parse(sql, read=read)
    assert len(statements) == 1 and isinstance(statements[0], exp.Select)
    tree = statements[0]
    strings = {lit.this for lit in tree.find_all(exp.Literal) if lit.is_string}
    assert strings == set(ODD_VALUES)
    assert {t.name for t in tree.find_all(exp.Table)} == {"t; DROP TABLE t"}
    assert {c.name for c in tree.find_all(exp.Column)} == {"crop", odd_name}
    assert tree.selects[-1].alias == "p`\"]"
    if dialect in ("mysql", "hive", "spark"):
        assert "`t; DROP TABLE t`.`crop`" in sql  # 反引号引标识符：双引号在这些方言里是字符串


def test_mysql_and_hive_escape_the_backslash():
    X = pd.DataFrame({"crop": pd.Series([PAYLOAD, "rice"] * 30, dtype="str")})
    card = Scorecard(WoEBinner(min_bin_share=0.1)).fit(X, [1, 0, 0, 1, 0, 0] * 10)
    assert "'b\\\\''; DROP TABLE t; -- '" in card.to_sql("t", dialect="mysql")
    assert "'b\\\\\\'; DROP TABLE t; -- '" in card.to_sql("t", dialect="hive")
    assert "'b\\''; DROP TABLE t; -- '" in card.to_sql("t", dialect="postgres")  # 标准字符串：反斜杠不是转义符


# ---------------------------------------------------------------- 缺列一定报错


@pytest.mark.parametrize("engine", ENGINES)
def test_missing_column_raises_in_the_engine(county_card, engine):
    """sqlite 会把找不到的 "列" 当成字符串 '列'：不报错、89 % 的申请打错分。现在每个引擎都报错。"""
    card, apps, _ = county_card
    table = _plain_table(apps.head(50)).drop(columns="deposit_avg_6m")
    con = _load(engine, table)
    error = sqlite3.OperationalError if engine == "sqlite" else duckdb.Error
    run = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    for dialect in _engine_dialects(engine):
        with pytest.raises(error, match="deposit_avg_6m"):
            run(card.to_sql("applications", dialect=dialect))
        with pytest.raises(error, match="application_no"):
            run(card.to_sql("applications", dialect=dialect, keep_columns=["application_no"]))
    # 只取表达式（列名不带表名）：sqlite 方言用反引号，照样报错
    with pytest.raises(error, match="deposit_avg_6m"):
        run(f"SELECT {card.to_sql(None, dialect=engine)} AS s FROM applications")
    if engine == "sqlite":  # 对照：双引号的列名在 sqlite 里找不到时变成字符串，不报错——这正是要防的
        assert run('SELECT "deposit_avg_6m" FROM applications LIMIT 1') == [("deposit_avg_6m",)]
    con.close()


# ---------------------------------------------------------------- 参数


def test_unknown_dialect_and_bad_arguments_raise_chinese_errors(odd_card):
    card, _ = odd_card
    with pytest.raises(RuralfinValueError, match="参数 dialect 不认识取值 'oracle'，可选：ansi、sqlite、duckdb、postgres、mysql、hive、spark"):
        card.to_sql("t", dialect="oracle")
    with pytest.raises(RuralfinValueError, match="可选"):
        card.to_sql("t", dialect="MySQL")
    with pytest.raises(RuralfinTypeError, match="dialect 应为字符串"):
        card.to_sql("t", dialect=None)
    with pytest.raises(RuralfinTypeError, match="table_name 应为字符串"):
        card.to_sql(1)
    with pytest.raises(RuralfinValueError, match="table_name 不能是空字符串"):
        card.to_sql("")
    with pytest.raises(RuralfinTypeError, match="points_column 应为字符串"):
        card.to_sql("t", points_column=1e12)
    with pytest.raises(RuralfinTypeError, match="keep_columns 应为列名或列名列表"):
        card.to_sql("t", keep_columns=3)
    with pytest.raises(RuralfinTypeError, match="keep_columns 应为字符串"):
        card.to_sql("t", keep_columns=[None])
