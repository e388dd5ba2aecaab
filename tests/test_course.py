from pathlib import Path

from ruralfin import course

ROOT = Path(__file__).resolve().parents[1]


def test_notebooks_readme_matches_course_map():
    text = (ROOT / "notebooks" / "README.md").read_text(encoding="utf-8")
    assert text == course.render_notebooks_readme(root=ROOT), "请运行 ruralfin.course.render_notebooks_readme() 重新生成 notebooks/README.md"


def test_every_notebook_is_on_the_map():
    m = course.course_map(root=ROOT)
    on_disk = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert on_disk <= set(m["file"]), f"课程地图里缺少：{on_disk - set(m['file'])}"
    assert set(m.loc[m["ready"], "file"]) == on_disk
    assert m["lesson"].is_unique


def test_outline_lists_match_the_seed_outline():
    seed = ROOT.parent / "shared" / "seed" / "course-outline.txt"
    if not seed.exists():  # 课程仓库单独分发时没有 shared/
        return
    text = seed.read_text(encoding="utf-8")
    for item in (*course.DIGITAL_CHANGES, *course.PARTICIPANTS):
        assert item in text, item
