"""Check that the domain user dictionary keeps disclosure terms whole in jieba, and that the stopword list is sane.

Prints, for sample sentences written for this check, the segmentation without and with nlp/resources/userdict.txt,
counts how many dictionary terms that occur in them come out as one token, and lists the cases where plain jieba
splits a term that the dictionary keeps whole. `--write-cases PATH` saves those cases as JSON (tests/data/dict_cases.json).
Exit status 1 if a term occurring in a sample stays split with the dictionary, or if the stopword list drops a
dictionary term or a role cue.
"""
from __future__ import annotations

import argparse
import json
import logging
import pathlib
import sys

import jieba

RESOURCES = pathlib.Path(__file__).resolve().parent.parent / "nlp" / "resources"
USERDICT = RESOURCES / "userdict.txt"
STOPWORDS = RESOURCES / "stopwords.txt"

# Role cues (TAXONOMY.md) and specificity cues that must survive stopword filtering.
KEEP_OUT_OF_STOPWORDS = (
    "将 下一步 今后 进一步 持续 继续 存在 不足 有待 仍 尚 还 未 不 没有 无 已 已经 较 仅 部分 个别 少数 "
    "需要 需 应 要 拟 计划 力争 加强 确保 其他 年 月 日 个 件 条 次 每"
).split()

SAMPLES = [
    "本年度共收到依申请公开事项42件，均在法定期限内办结。",
    "我局依托政务新媒体矩阵发布政策解读材料18篇。",
    "全年通过政府门户网站主动公开政府信息536条。",
    "本年新收政府信息公开申请27件，上年结转3件。",
    "其中予以公开12件，部分公开4件，不予公开2件。",
    "因本机关不掌握相关信息，作无法提供处理的有6件。",
    "另有重复申请和信访举报投诉类申请共3件作不予处理。",
    "年末结转下年度的申请为2件，将在法定期限内答复。",
    "全年发生政府信息公开行政复议1件，结果维持。",
    "行政诉讼案件中复议后起诉1件，尚未审结。",
    "本年制发行政规范性文件5件，现行有效件数为37件。",
    "全年未收取行政事业性收费，也未收取信息处理费。",
    "负责政务公开的同志身兼多职，人手不足的问题较为突出。",
    "目前仅配备1名兼职人员，缺少专职人员。",
    "部分栏目内容更新滞后，信息发布的时效性有待提升。",
    "个别科室对公开属性的认定把握不准。",
    "下一步将严格落实三审三校制度，强化保密审查。",
    "今后将建立长效机制，完善信息公开工作责任制。",
    "计划每季度组织一次业务培训，提升经办人员的业务能力。",
    "推动信息发布常态化、制度化、规范化。",
    "及时修订政府信息公开指南和政府信息公开目录。",
    "持续推进基层政务公开标准化规范化建设。",
    "在政务服务中心设立政务公开专区和政府信息查阅点。",
    "通过微信公众号和政务微博同步转发政府公报。",
    "召开新闻发布会3场，围绕群众关切做好回应关切工作。",
    "严格按照政府信息公开条例和国办公开办函的要求编制本报告。",
    "依托12345热线收集群众诉求，推进一网通办改革。",
    "将行政规范性文件统一纳入政策文件库管理。",
    "重点领域信息公开方面，公开了财政预决算和三公经费。",
    "开展考核评估，把政务公开纳入年度绩效考核。",
    "政府办公室牵头做好政府网站与政务新媒体的日常监测。",
    "对照五公开要求，细化决策公开和结果公开事项。",
    "少数单位网站更新不及时，还存在空白栏目。",
    "就征求意见稿公开征求意见，并反馈意见采纳情况。",
    "办理人大代表建议和政协提案共15件，办理复文全部公开。",
    "申请人逾期不补正的，视为放弃申请。",
    "对涉及第三方合法权益的申请，书面征求第三方意见。",
    "全面梳理权责清单和办事指南，实现动态调整。",
    "部分政务新媒体存在僵尸账号和错敏信息问题。",
    "落实个人信息保护要求，防止隐私信息外泄。",
    "公开内容不全面，解读形式单一，互动不足。",
    "由于人员变动频繁，工作衔接出现断档。",
    "属于三类内部事务信息和四类过程性信息的，依法不予公开。",
    "政务公开领导小组每半年听取一次工作汇报。",
]


def load_terms(path: pathlib.Path) -> list[str]:
    """Return the words of a jieba user dictionary (first field of each line)."""
    return [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def term_occurrences(sentence: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """Return non-overlapping dictionary-term spans in the sentence, longest first (a term inside a longer one is not counted)."""
    found = [(i, i + len(t), t) for t in terms for i in range(len(sentence)) if sentence.startswith(t, i)]
    found.sort(key=lambda span: (-(span[1] - span[0]), span[0]))
    chosen: list[tuple[int, int, str]] = []
    for start, end, term in found:
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, term))
    return sorted(chosen)


def token_spans(tokens: list[str]) -> set[tuple[int, int]]:
    spans, pos = set(), 0
    for tok in tokens:
        spans.add((pos, pos + len(tok)))
        pos += len(tok)
    return spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-cases", type=pathlib.Path, help="save the cases the dictionary fixes as JSON")
    parser.add_argument("--quiet", action="store_true", help="print only the summary and problems")
    args = parser.parse_args()

    jieba.setLogLevel(logging.WARNING)
    plain = jieba.Tokenizer()
    with_dict = jieba.Tokenizer()
    with_dict.load_userdict(str(USERDICT))
    terms = load_terms(USERDICT)
    term_set = set(terms)

    occurrences = kept = plain_kept = 0
    failures, cases = [], []
    seen_terms: set[str] = set()  # one case per term is enough
    for sentence in SAMPLES:
        plain_tokens = plain.lcut(sentence)
        dict_tokens = with_dict.lcut(sentence)
        plain_spans, dict_spans = token_spans(plain_tokens), token_spans(dict_tokens)
        if not args.quiet:
            print(sentence)
            print("  plain:", " / ".join(plain_tokens))
            print("  dict: ", " / ".join(dict_tokens))
        for start, end, term in term_occurrences(sentence, term_set):
            occurrences += 1
            whole_with_dict = (start, end) in dict_spans
            whole_plain = (start, end) in plain_spans
            kept += whole_with_dict
            plain_kept += whole_plain
            if not whole_with_dict:
                failures.append((sentence, term, dict_tokens))
            elif not whole_plain and term not in plain_tokens and term not in seen_terms:
                seen_terms.add(term)
                cases.append({"text": sentence, "term": term, "plain_splits_term": True,
                              "plain": plain_tokens, "with_dict": dict_tokens})

    print(f"\n{len(terms)} dictionary terms; {len(SAMPLES)} sample sentences; {occurrences} term occurrences")
    print(f"kept whole: {kept}/{occurrences} with the dictionary, {plain_kept}/{occurrences} with plain jieba")
    print(f"cases where plain jieba splits a term and the dictionary keeps it whole: {len(cases)}")
    if not args.quiet:
        for case in cases:
            print(f"  {case['term']}: {' / '.join(case['plain'])}")
    for sentence, term, tokens in failures:
        print(f"STILL SPLIT {term}: {' / '.join(tokens)}")

    stopwords = [w for w in STOPWORDS.read_text(encoding="utf-8").splitlines() if w.strip()]
    problems = [f"stopword is a dictionary term: {w}" for w in stopwords if w in term_set]
    problems += [f"stopword is a role or specificity cue: {w}" for w in stopwords if w in KEEP_OUT_OF_STOPWORDS]
    problems += [f"duplicate stopword: {w}" for w in {w for w in stopwords if stopwords.count(w) > 1}]
    print(f"{len(stopwords)} stopwords; {len(problems)} problems")
    for problem in problems:
        print("  " + problem)

    if args.write_cases:
        args.write_cases.parent.mkdir(parents=True, exist_ok=True)
        args.write_cases.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {len(cases)} cases to {args.write_cases}")
    return 1 if failures or problems else 0


if __name__ == "__main__":
    sys.exit(main())
