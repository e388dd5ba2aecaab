"""安装文件彼此一致：pyproject 与 environment.yml 同一套依赖和版本范围；Binder 与 CI 文件齐全。"""

import os
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _pyproject_deps():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in data["project"]["dependencies"]}


def _conda_deps():
    deps = {}
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*-\s+([A-Za-z0-9_.\-]+)\s*([<>=!~][^#]*)?$", line)
        if m and m.group(1) not in ("conda-forge",):
            spec = (m.group(2) or "").replace(" ", "")
            deps[m.group(1).lower()] = spec
    return deps


def _build_requires():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in data["build-system"]["requires"]}


def test_conda_and_pip_declare_the_same_dependencies():
    pip, conda = _pyproject_deps(), _conda_deps()
    assert conda.pop("python") == "=3.11"
    assert conda.pop("pip") == ""
    for name, spec in _build_requires().items():  # 离线 pip install --no-build-isolation 需要构建后端
        assert conda.pop(name) == spec, f"environment.yml 应列出构建依赖 {name}{spec}"
    assert set(pip) == set(conda), f"只在一边的依赖：{set(pip) ^ set(conda)}"
    for name, spec in pip.items():
        norm = lambda s: ",".join(sorted(s.split(",")))  # noqa: E731
        assert norm(conda[name]) == norm(spec), f"{name}: pyproject {spec} ≠ environment.yml {conda[name]}"


def test_environment_yml_is_ascii_only():
    """旧版 conda 在中文 Windows 上按本地编码（GBK）读 environment.yml：写中文会读坏。"""
    raw = (ROOT / "environment.yml").read_bytes()
    bad = [i + 1 for i, line in enumerate(raw.splitlines()) if any(b > 127 for b in line)]
    assert not bad, f"environment.yml 第 {bad} 行有非 ASCII 字符"


def test_offline_editable_install_uses_no_build_isolation():
    """conda 学员离线安装：pip 不能去网上下载 setuptools，所以要 --no-build-isolation。"""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (readme, (ROOT / "postBuild").read_text()):
        cmds = re.findall(r"pip install [^\n`]*-e \.", text)
        assert cmds and all("--no-build-isolation" in c and "--no-deps" in c for c in cmds), cmds


def test_environment_has_no_local_pip_entries():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "conda-forge" in text
    assert "-e ." not in text and "pip:" not in text


def test_supports_current_releases():
    pip = _pyproject_deps()
    from packaging.specifiers import SpecifierSet

    assert "3.0" in SpecifierSet(pip["pandas"]) and "2.4" in SpecifierSet(pip["numpy"])


def test_binder_files():
    assert "fonts-noto-cjk" in (ROOT / "apt.txt").read_text().split()
    post = ROOT / "postBuild"
    assert os.access(post, os.X_OK)
    text = post.read_text()
    assert "set -e" in text and "pip install --no-deps --no-build-isolation -e ." in text
    assert not (ROOT / "binder").exists()


def test_ci_runs_make_test_without_installing_a_system_cjk_font():
    """CI 不装系统中文字体（学员常常没有 root）：随库字体必须够用；已有系统字体时藏起来再测一遍。"""
    ci = ROOT / ".ci" / "run"
    text = ci.read_text()
    assert os.access(ci, os.X_OK)
    assert "make test" in text
    assert "fonts-noto-cjk" not in text and "fonts-wqy" not in text
    assert "unshare --mount" in text and "tests/test_fonts.py" in text


def test_readme_opens_with_the_two_commands_and_a_working_binder_link():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text[: text.find("## ", text.find("make test"))]
    assert "make lab" in head and "make test" in head
    m = re.search(r"mybinder\.org/v2/gh/[^)\s]+\?urlpath=lab/tree/([^)\s]+)", text)
    assert m, "README 缺少 Binder 徽章"
    assert (ROOT / m.group(1)).exists(), f"Binder 链接指向不存在的 {m.group(1)}"
    assert "conda env create -f environment.yml" in text
    makefile = (ROOT / "Makefile").read_text()
    assert m.group(1) in makefile, "make lab 与 Binder 应打开同一个 notebook"


def test_every_data_file_in_the_package_ships_in_the_wheel():
    """随包的数据、字体与许可文件都要写进 package-data，否则 pip 装的库里没有它们。"""
    import fnmatch

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = data["tool"]["setuptools"]["package-data"]["ruralfin"]
    pkg = ROOT / "ruralfin"
    files = [p.relative_to(pkg).as_posix() for p in pkg.rglob("*")
             if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert any(f.startswith("fonts/") for f in files)
    unshipped = [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs)]
    assert not unshipped, f"这些文件不会进入安装包：{unshipped}"


def test_build_backend_understands_the_licence_expression():
    """license = "MIT AND ..." 这种 SPDX 写法要 setuptools 77 起才认；离线 --no-build-isolation 时用的就是 conda 里那个。"""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    from packaging.specifiers import SpecifierSet

    spec = SpecifierSet(_build_requires()["setuptools"])
    assert isinstance(data["project"]["license"], str)
    assert "76.0" not in spec and "77.0" in spec
