# Tests of the nxkx command on the bundled examples and on broken inputs (tests/cli/).
# Each test runs tests/cli/run.sh, which checks the exit status, stdout, stderr and JSON.
# Included by tests/CMakeLists.txt.
if(NOT TARGET nxkx_cli)
  return()
endif()

find_program(NXKX_BASH bash REQUIRED)
if(Python_EXECUTABLE)
  set(_nxkx_python ${Python_EXECUTABLE})
else()
  find_program(_nxkx_python NAMES python3 python REQUIRED)
endif()

set(_cli_dir ${CMAKE_CURRENT_SOURCE_DIR}/cli)
set(_examples ${PROJECT_SOURCE_DIR}/examples/applications)
set(_as_of 2025-05-20)

# nxkx_cli_test(NAME [run.sh options…] -- nxkx arguments…)
# No unbalanced "[" in a regex: CMake would stop splitting the argument list there.
function(nxkx_cli_test name)
  add_test(NAME cli.${name}
           COMMAND ${NXKX_BASH} ${_cli_dir}/run.sh ${ARGN})
  set_tests_properties(cli.${name} PROPERTIES ENVIRONMENT "PYTHON=${_nxkx_python};LC_ALL=C.UTF-8")
endfunction()
set(nxkx $<TARGET_FILE:nxkx_cli>)

# ---- help and version ----
nxkx_cli_test(help --stdout "check" --stdout "catalog" --stdout "rules" --stdout "count"
              --stdout "pack" -- ${nxkx} --help)
nxkx_cli_test(version --stdout "^nxkx [0-9]+\\.[0-9]+\\.[0-9]+" -- ${nxkx} --version)
foreach(sub check catalog rules count pack)
  nxkx_cli_test(${sub}.help --stdout "Usage|usage" --stdout "--help" -- ${nxkx} ${sub} --help)
endforeach()
nxkx_cli_test(no_subcommand --exit 2 --stderr "subcommand" -- ${nxkx})
nxkx_cli_test(unknown_option --exit 2 -- ${nxkx} check --as-of ${_as_of} --colour
              ${_examples}/society_capacity.json)

# ---- check: exit 0 / 1 ----
nxkx_cli_test(check.accepted --stdout "结论: 受理" --stdout "^1 份申报: 受理 1$"
              -- ${nxkx} check --as-of ${_as_of} ${_examples}/society_capacity.json)
nxkx_cli_test(check.accepted_en --stdout "Decision: accepted" --stdout "^1 application: accepted 1$"
              -- ${nxkx} check --lang en --as-of ${_as_of} ${_examples}/society_capacity.json)
nxkx_cli_test(check.rejected --exit 1 --stdout "结论: 不予受理" --stdout "二\\(三\\)4"
              --stdout "disqualification.evaluation_grade"
              --stdout "条款 二\\(三\\)4: \"4\\.2024年学会评价等级为 ?C"
              --stdout "联系人: 周莉 0951-5085156"
              -- ${nxkx} check --as-of ${_as_of} ${_examples}/society_capacity-grade-c.json)
nxkx_cli_test(check.late_courier --exit 1 --stdout "submission.deadline"
              -- ${nxkx} check --as-of ${_as_of} ${_examples}/park_sta_capacity-late-courier.json)
file(GLOB _all_examples ${_examples}/*.json)
list(LENGTH _all_examples _n_examples)
nxkx_cli_test(check.all_examples --exit 1 --stdout "^${_n_examples} 份申报: "
              -- ${nxkx} check --as-of ${_as_of} ${_all_examples})
# One batch across files: the same application given twice is a duplicate (三(一)).
nxkx_cli_test(check.duplicate_across_files --exit 1 --stdout "application.duplicate_applicant"
              -- ${nxkx} check --as-of ${_as_of} ${_examples}/society_capacity.json
                 ${_examples}/society_capacity.json)
nxkx_cli_test(check.stdin --stdout "结论: 受理" --stdin ${_examples}/society_capacity.json
              -- ${nxkx} check --as-of ${_as_of} -)
nxkx_cli_test(check.trace --stdout "核验规则:" --stdout "通过  disqualification.evaluation_grade"
              -- ${nxkx} check --trace --as-of ${_as_of} ${_examples}/society_capacity.json)

# ---- check --format json ----
nxkx_cli_test(check.json --exit 1 --json --stdout "\"reports\"" --stdout "\"summary\""
              --stdout "\"notice\": \"nxkx-2025-61\""
              -- ${nxkx} check --format json --as-of ${_as_of} ${_all_examples})
nxkx_cli_test(check.json_trace --json --stdout "\"trace\""
              -- ${nxkx} check --format json --trace --as-of ${_as_of}
                 ${_examples}/society_capacity.json)
# The documented shape of a finding (README.md, "Report JSON").
nxkx_cli_test(check.json_finding --exit 1 --json
              --stdout "\"rule_id\": \"disqualification.evaluation_grade\""
              --stdout "\"clause\": \"二\\(三\\)、二\\(三\\)4\""
              --stdout "\"ref\": \"二\\(三\\)4\""
              --stdout "\"path\": \"/applicant/history/2024/evaluation_grade\""
              --stdout "\"code\": \"rejected\"" --stdout "\"zh\": \"不予受理\""
              --stdout "\"phone\": \"0951-5085156\"" --stdout "\"rejected\": 1"
              --stdout "\"en\": \"A society not rated in 2024 \\(not_rated\\) is not grade C.\""
              --no-stdout "\"trace\""
              -- ${nxkx} check --format json --as-of ${_as_of}
                 ${_examples}/society_capacity-grade-c.json)
# --compact: clauses by ref, no quotes, readings or contacts (README, "Compact reports"), in
# JSON, JSON lines and text; refused with the staff's formats.
nxkx_cli_test(check.compact_json --exit 1 --json --stdout "\"detail\": \"compact\""
              --stdout "\"ref\": \"二\\(三\\)4\""
              --stdout "\"path\": \"/applicant/history/2024/evaluation_grade\""
              --no-stdout "\"quote\"" --no-stdout "\"contact\"" --no-stdout "\"interpretation\""
              --no-stdout "0951-5085156"
              -- ${nxkx} check --format json --compact --as-of ${_as_of}
                 ${_examples}/society_capacity-grade-c.json
                 ${_examples}/park_sta_capacity-late-courier.json)
nxkx_cli_test(check.compact_text --exit 1 --stdout "disqualification.evaluation_grade"
              --stdout "应为: "
              --no-stdout "条款 二\\(三\\)4: " --no-stdout "联系人: " --no-stdout "解读: "
              -- ${nxkx} check --compact --as-of ${_as_of}
                 ${_examples}/society_capacity-grade-c.json
                 ${_examples}/park_sta_capacity-late-courier.json)
nxkx_cli_test(check.compact_jsonl --exit 1 --stdout "^\\{\"notice_id\".*\"detail\":\"compact\""
              --no-stdout "\"quote\"" --no-stdout "\"contact\""
              --stdin ${PROJECT_SOURCE_DIR}/tests/cli/compact.jsonl
              -- ${nxkx} check --jsonl --compact --quiet --as-of ${_as_of} -)
nxkx_cli_test(check.compact_not_for_desk_formats --exit 2 --stderr "--compact"
              -- ${nxkx} check --compact --format csv --as-of ${_as_of}
                 ${_examples}/society_capacity.json)
# A reading is given in both languages, as {zh, en}; the text report shows it in its own.
nxkx_cli_test(check.json_interpretation --exit 1 --json --stdout "\"interpretation\": \\{"
              --stdout "\"clause\": \"三\\(二\\)、三\\(四\\)\""
              -- ${nxkx} check --format json --as-of ${_as_of}
                 ${_examples}/park_sta_capacity-late-courier.json)
nxkx_cli_test(check.text_reading_in_english --exit 1
              --stdout "Reading: \"5月16日前\" includes 16 May itself"
              --no-stdout "解读"
              -- ${nxkx} check --lang en --as-of ${_as_of}
                 ${_examples}/park_sta_capacity-late-courier.json)

# 三(一) rev. 2 (README): the corrected resubmission stands; the original is superseded by it and
# the finding names it by id and file.
nxkx_cli_test(check.resubmission --exit 1
              --stdout "另有更晚提交的申报 2025-0010-2（.*examples/resubmission/society_capacity-corrected.json），2025-05-15 提交"
              --stdout "^2 份申报: 受理 1, 材料不全 1$"
              -- ${nxkx} check --as-of ${_as_of}
                 ${PROJECT_SOURCE_DIR}/examples/resubmission/society_capacity-original.json
                 ${PROJECT_SOURCE_DIR}/examples/resubmission/society_capacity-corrected.json)

# ---- check: exit 2, naming the file, the JSON path and what is wrong ----
nxkx_cli_test(check.missing_file --exit 2
              --stderr "^nxkx: ${_cli_dir}/no-such-file.json: 没有这个文件或文件夹 .input\\.not_found.$"
              -- ${nxkx} check --as-of ${_as_of} ${_cli_dir}/no-such-file.json)
nxkx_cli_test(check.missing_file_en --exit 2
              --stderr "^nxkx: ${_cli_dir}/no-such-file.json: no such file or directory"
              -- ${nxkx} check --lang en --as-of ${_as_of} ${_cli_dir}/no-such-file.json)
# A folder: every .json file in it, sorted by path, as one batch.
nxkx_cli_test(check.folder --exit 1 --stdout "^${_n_examples} 份申报: "
              -- ${nxkx} check --as-of ${_as_of} ${_examples})
# -o never overwrites an input.
file(COPY ${_examples}/society_capacity.json DESTINATION ${CMAKE_CURRENT_BINARY_DIR}/cli-o)
nxkx_cli_test(check.output_is_an_input --exit 2 --stderr "会被覆盖"
              -- ${nxkx} check --as-of ${_as_of} ${CMAKE_CURRENT_BINARY_DIR}/cli-o/society_capacity.json
                 -o ${CMAKE_CURRENT_BINARY_DIR}/cli-o/society_capacity.json)
nxkx_cli_test(check.empty_folder --exit 2 --stderr "文件夹中没有 .json 文件"
              -- ${nxkx} check --as-of ${_as_of} ${PROJECT_SOURCE_DIR}/include)
nxkx_cli_test(check.malformed --exit 2
              --stderr "^nxkx: ${_cli_dir}/malformed.json: .* .input\\.[a-z_]+.$"
              -- ${nxkx} check --as-of ${_as_of} ${_cli_dir}/malformed.json)
nxkx_cli_test(check.bad_date --exit 2
              --stderr "^nxkx: ${_cli_dir}/bad-date.json: /submission/handed_in_date: .*2025-02-30"
              -- ${nxkx} check --as-of ${_as_of} ${_cli_dir}/bad-date.json)
# The good files are still checked and shown; the status says an input was unreadable.
nxkx_cli_test(check.bad_and_good --exit 2 --stdout "结论: 受理" --stdout "1 个文件无法读取"
              --stderr "malformed.json"
              -- ${nxkx} check --as-of ${_as_of} ${_examples}/society_capacity.json
                 ${_cli_dir}/malformed.json)
nxkx_cli_test(check.bad_file_json --exit 2 --json --stdout "\"errors\": "
              --stdout "\"file\": \".*malformed.json\""
              -- ${nxkx} check --format json --as-of ${_as_of} ${_cli_dir}/malformed.json)
nxkx_cli_test(check.bad_as_of --exit 2 --stderr "--as-of" --stderr "2025-02-30"
              -- ${nxkx} check --as-of 2025-02-30 ${_examples}/society_capacity.json)
nxkx_cli_test(check.no_as_of --exit 2 --stderr "--as-of"
              -- ${nxkx} check ${_examples}/society_capacity.json)
nxkx_cli_test(check.bad_pack --exit 2 --stderr "^nxkx: ${_cli_dir}/bad-pack.json: /"
              -- ${nxkx} check --notice ${_cli_dir}/bad-pack.json --as-of ${_as_of}
                 ${_examples}/society_capacity.json)
nxkx_cli_test(check.two_stdin --exit 2 --stderr "标准输入"
              -- ${nxkx} check --as-of ${_as_of} - -)
nxkx_cli_test(check.two_stdin_en --exit 2 --stderr "standard input"
              -- ${nxkx} check --lang en --as-of ${_as_of} - -)

# ---- bounded reading (issue 14): every reader stops at its limit, in time and memory ----
# /dev/zero never ends: each test has a timeout far below CI's, and fails if the reader does not
# stop at its limit. The limit is named in the error.
set(_bounded_tests)
nxkx_cli_test(bounded.check_dev_zero --exit 2 --stderr "max_bytes .16777216. .*input\\.limit"
              -- ${nxkx} check --lang en --as-of ${_as_of} /dev/zero)
nxkx_cli_test(bounded.check_stdin_dev_zero --exit 2 --stdin /dev/zero
              --stderr "<stdin>: .*max_bytes .16777216. .*input\\.limit"
              -- ${nxkx} check --lang en --as-of ${_as_of} -)
nxkx_cli_test(bounded.jsonl_dev_zero --exit 2
              --stderr "/dev/zero:1: .*max_batch_bytes .268435456. without ending.*input\\.limit"
              -- ${nxkx} check --jsonl --lang en --as-of ${_as_of} /dev/zero)
nxkx_cli_test(bounded.jsonl_stdin_dev_zero --exit 2 --stdin /dev/zero
              --stderr "<stdin>:1: .*max_batch_bytes .268435456. without ending"
              -- ${nxkx} check --jsonl --lang en --as-of ${_as_of} -)
nxkx_cli_test(bounded.count_dev_zero --exit 2 --stderr "max_text_bytes .67108864. .*input\\.limit"
              -- ${nxkx} count --lang en /dev/zero)
nxkx_cli_test(bounded.count_stdin_dev_zero --exit 2 --stdin /dev/zero
              --stderr "max_text_bytes .67108864. .*input\\.limit" -- ${nxkx} count --lang en -)
nxkx_cli_test(bounded.notice_dev_zero --exit 2 --stderr "max_pack_bytes .16777216. .*input\\.limit"
              -- ${nxkx} check --lang en --as-of ${_as_of} --notice /dev/zero
              ${_examples}/society_capacity.json)
list(APPEND _bounded_tests check_dev_zero check_stdin_dev_zero jsonl_dev_zero
     jsonl_stdin_dev_zero count_dev_zero count_stdin_dev_zero notice_dev_zero)
foreach(_t IN LISTS _bounded_tests)
  set_tests_properties(cli.bounded.${_t} PROPERTIES TIMEOUT 60)
endforeach()
# One code for each way a file cannot be read.
nxkx_cli_test(bounded.notice_directory --exit 2 --stderr "is a directory, not a file .input\\.directory."
              -- ${nxkx} check --lang en --as-of ${_as_of} --notice ${_cli_dir}
              ${_examples}/society_capacity.json)
nxkx_cli_test(bounded.count_directory --exit 2 --stderr ".input\\.directory.$"
              -- ${nxkx} count ${_cli_dir})
nxkx_cli_test(bounded.count_missing --exit 2 --stderr ".input\\.not_found.$"
              -- ${nxkx} count ${_cli_dir}/no-such-file.txt)
nxkx_cli_test(bounded.notice_missing --exit 2 --stderr ".input\\.not_found.$"
              -- ${nxkx} rules --notice ${_cli_dir}/no-such-pack.json)
nxkx_cli_test(bounded.jsonl_not_a_folder --exit 2 --stderr "/dev/null/x: .*input\\.not_found"
              -- ${nxkx} check --jsonl --lang en --as-of ${_as_of} /dev/null/x)
# An empty batch has its own exit status (4), never "all accepted" (0).
nxkx_cli_test(bounded.empty_batch --exit 4 --stdout "^0 "
              -- ${nxkx} check --as-of ${_as_of} ${_cli_dir}/empty-batch.json)
nxkx_cli_test(bounded.empty_batch_stdin --exit 4 --stdin ${_cli_dir}/empty-batch.json
              -- ${nxkx} check --format json --as-of ${_as_of} -)
nxkx_cli_test(bounded.empty_jsonl --exit 4
              -- ${nxkx} check --jsonl --as-of ${_as_of} ${_cli_dir}/empty.jsonl)

# Text output escapes every control character of the input (\u001b); JSON stays exact.
add_test(NAME cli.bounded.escape
         COMMAND ${_nxkx_python} ${_cli_dir}/escape_test.py ${nxkx} ${_examples})
set_tests_properties(cli.bounded.escape PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")

# ---- catalog, rules, pack ----
nxkx_cli_test(catalog.pack_label --stdout "E-mail the electronic version to"
              -- ${nxkx} catalog --lang en --notice ${PROJECT_SOURCE_DIR}/examples/packs/notice-huangshi-2023.json)
nxkx_cli_test(catalog.summary --stdout "通知文本: notice-huangshi-2023.zh.md（摘要，非通知原文）"
              -- ${nxkx} catalog --notice ${PROJECT_SOURCE_DIR}/examples/packs/notice-huangshi-2023.json)
nxkx_cli_test(rules.summary --stdout "a summary of the notice, not its own words"
              -- ${nxkx} rules --lang en --notice ${PROJECT_SOURCE_DIR}/examples/packs/notice-huangshi-2023.json)
nxkx_cli_test(catalog --stdout "2025-05-16" --stdout "nxkxxhb@163.com"
              --stdout "park_sta_capacity" --stdout "haizhi_base_capacity"
              --stdout "returnee_alliance_capacity" --stdout "society_capacity"
              --stdout "grassroots_societies_capacity" --stdout "regional_academic_exchange"
              --stdout "完成时限: 2025-11-30" --stdout "杨程平"
              -- ${nxkx} catalog)
nxkx_cli_test(catalog.en --stdout "Complete by: 2025-11-30" -- ${nxkx} catalog --lang en)
nxkx_cli_test(catalog.json --json --stdout "\"project_types\"" -- ${nxkx} catalog --format json)
nxkx_cli_test(rules --stdout "disqualification.evaluation_grade" --stdout "二\\(三\\)4"
              --stdout "解读: " --stdout "^共 [0-9]+ 条规则$" -- ${nxkx} rules)
nxkx_cli_test(rules.en --stdout "Reading: " -- ${nxkx} rules --lang en)
nxkx_cli_test(rules.json --json --stdout "\"interpretation\"" -- ${nxkx} rules --format json)
nxkx_cli_test(rules.stage --stdout "^共 [0-9]+ 条规则$" -- ${nxkx} rules --stage application)
nxkx_cli_test(pack --json --stdout "nxkx-notice-pack/2" -- ${nxkx} pack)
# nxkx pack lint: the shipped packs lint clean (exit 0); JSON names the pack; an unreadable pack
# is exit 2 with its place.
nxkx_cli_test(pack.lint.help --stdout "Exit status" -- ${nxkx} pack lint --help)
nxkx_cli_test(pack.lint.builtin --stdout "0 个错误，0 个警告"
              -- ${nxkx} pack lint ${PROJECT_SOURCE_DIR}/data/notice-2025.json)
nxkx_cli_test(pack.lint.sample_2026 --stdout "0 errors, 0 warnings"
              -- ${nxkx} pack lint --lang en ${PROJECT_SOURCE_DIR}/examples/packs/notice-2026-sample.json)
nxkx_cli_test(pack.lint.json --json --stdout "nxkx-2026-18-sample" --stdout "\"errors\": 0"
              -- ${nxkx} pack lint --format json ${PROJECT_SOURCE_DIR}/examples/packs/notice-2026-sample.json)
nxkx_cli_test(pack.lint.bad_pack --exit 2 --stderr "/notice/id"
              -- ${nxkx} pack lint ${_cli_dir}/bad-pack.json)
# nxkx pack diff: what changed for applicants (exit 1), nothing against itself (exit 0), an
# unreadable pack is exit 2 with its place; every change names its pointer in both packs.
set(_packs ${PROJECT_SOURCE_DIR}/examples/packs)
nxkx_cli_test(pack.diff.help --stdout "Exit status" --stdout "OLD" -- ${nxkx} pack diff --help)
nxkx_cli_test(pack.diff.sample_2026 --exit 1
              --stdout "^规则包 nxkx-2025-61 .* → nxkx-2026-18-sample"
              --stdout "申报截止日期：2025-05-16 → 2026-05-15"
              --stdout "申报开始日期：新增 2026-05-06"
              --stdout "submission\\.copies.*2 → 3  \\[/rules/[0-9]+/params/conditions/0/min → /rules/[0-9]+/params/conditions/0/min\\]"
              --stdout "新增 项目类型 society_volunteer_service「学会科技志愿服务项目」"
              --stdout "新增 规则 disqualification\\.party_organisation.*不予受理"
              --stdout "新增 提交方式 post「邮政寄送」：以何日期为准 邮戳日期"
              --stdout "回溯年份：2023、2024 → 2024、2025"
              --stdout "^共 [0-9]+ 处变化$"
              -- ${nxkx} pack diff ${PROJECT_SOURCE_DIR}/data/notice-2025.json
                 ${_packs}/notice-2026-sample.json)
nxkx_cli_test(pack.diff.sample_2026_en --exit 1 --stdout "application deadline: 2025-05-16 → 2026-05-15"
              --stdout "^[0-9]+ changes$"
              -- ${nxkx} pack diff --lang en ${PROJECT_SOURCE_DIR}/data/notice-2025.json
                 ${_packs}/notice-2026-sample.json)
nxkx_cli_test(pack.diff.json --exit 1 --json --stdout "\"changes\": [1-9]"
              --stdout "\"old_path\": \"/notice/application_deadline\""
              -- ${nxkx} pack diff --format json ${PROJECT_SOURCE_DIR}/data/notice-2025.json
                 ${_packs}/notice-2026-sample.json)
nxkx_cli_test(pack.diff.huangshi --exit 1 --stdout "新增 项目类型"
              -- ${nxkx} pack diff ${PROJECT_SOURCE_DIR}/data/notice-2025.json
                 ${_packs}/notice-huangshi-2023.json)
nxkx_cli_test(pack.diff.same --stdout "对申报者没有变化" --no-stdout "^  "
              -- ${nxkx} pack diff ${_packs}/notice-2026-sample.json ${_packs}/notice-2026-sample.json)
nxkx_cli_test(pack.diff.same_json --json --stdout "\"changes\": 0"
              -- ${nxkx} pack diff --format json ${PROJECT_SOURCE_DIR}/data/notice-2025.json
                 ${PROJECT_SOURCE_DIR}/data/notice-2025.json)
nxkx_cli_test(pack.diff.bad_pack --exit 2 --stderr "bad-pack.json" --stderr "/notice/id"
              -- ${nxkx} pack diff ${PROJECT_SOURCE_DIR}/data/notice-2025.json ${_cli_dir}/bad-pack.json)
nxkx_cli_test(pack.diff.missing --exit 2 --stderr "input.not_found"
              -- ${nxkx} pack diff ${PROJECT_SOURCE_DIR}/data/notice-2025.json ${_cli_dir}/no-such-pack.json)
nxkx_cli_test(pack.diff.one_argument --exit 2 --stderr "NEW"
              -- ${nxkx} pack diff ${PROJECT_SOURCE_DIR}/data/notice-2025.json)
# nxkx pack doc: the rules reference of each shipped pack, Markdown and HTML; -o writes a file;
# the reference of the built-in pack in docs/notice/ is what the pack gives.
nxkx_cli_test(pack.doc.help --stdout "Exit status" --stdout "--format" -- ${nxkx} pack doc --help)
nxkx_cli_test(pack.doc.builtin --stdout "^# 自治区科协关于组织申报2025年" --stdout "^### 申报时审查$"
              --stdout "^### 结项时审查$" --stdout "`disqualification\\.evaluation_grade`"
              --stdout "条款 二\\(三\\)4：" --stdout "不符合时：不予受理"
              -- ${nxkx} pack doc ${PROJECT_SOURCE_DIR}/data/notice-2025.json)
nxkx_cli_test(pack.doc.sample_2026_html --stdout "^<!DOCTYPE html>" --stdout "@media print"
              --stdout "学会科技志愿服务项目" --stdout "</html>$"
              -- ${nxkx} pack doc --format html ${_packs}/notice-2026-sample.json)
nxkx_cli_test(pack.doc.huangshi_en --stdout "Checked at application" --stdout "When broken: "
              -- ${nxkx} pack doc --lang en ${_packs}/notice-huangshi-2023.json)
nxkx_cli_test(pack.doc.bad_pack --exit 2 --stderr "/notice/id" -- ${nxkx} pack doc ${_cli_dir}/bad-pack.json)
nxkx_cli_test(pack.doc.bad_format --exit 2 -- ${nxkx} pack doc --format pdf ${_packs}/notice-2026-sample.json)
nxkx_cli_test(pack.doc.unwritable --exit 2 --stderr "cannot write|无法写入"
              -- ${nxkx} pack doc -o ${_cli_dir}/no-such-dir/rules.md ${_packs}/notice-2026-sample.json)
# The HTML of each shipped pack is well-formed (XML, strictly) and holds every rule id and ref.
foreach(_pack ${PROJECT_SOURCE_DIR}/data/notice-2025.json ${_packs}/notice-2026-sample.json
        ${_packs}/notice-huangshi-2023.json)
  get_filename_component(_name ${_pack} NAME_WE)
  add_test(NAME cli.pack.doc.html_wellformed.${_name}
           COMMAND ${_nxkx_python} ${_cli_dir}/doc_check.py ${nxkx} ${_pack})
endforeach()
add_test(NAME docs.rules_reference
         COMMAND ${NXKX_BASH} ${PROJECT_SOURCE_DIR}/scripts/rules-reference.sh --check ${nxkx})
# The printed pack loads back as a pack (what users do to make next year's).
add_test(NAME cli.pack_roundtrip
         COMMAND ${NXKX_BASH} -c
                 "set -e; \"$0\" pack > \"$1\"; \"$0\" rules --notice \"$1\" >/dev/null"
                 ${nxkx} ${CMAKE_CURRENT_BINARY_DIR}/pack-roundtrip.json)
nxkx_cli_test(catalog.bad_pack --exit 2 --stderr "bad-pack.json"
              -- ${nxkx} catalog --notice ${_cli_dir}/bad-pack.json)

# ---- count ----
# zi.txt: 宁夏科协，学会能力提升 UTF8 项目 2025。 — 4+1+6 CJK/full-width, UTF8, 2 CJK, 2025, 。
nxkx_cli_test(count --stdout "zi.txt: 16 字 \\(Word 字数统计口径\\), 22 字 \\(不计空格字符口径\\)"
              -- ${nxkx} count ${_cli_dir}/zi.txt)
nxkx_cli_test(count.method --stdout "zi.txt: 16 字 \\(word-processor method\\)$"
              -- ${nxkx} count --lang en --method word_processor ${_cli_dir}/zi.txt)
nxkx_cli_test(count.stdin --stdout "<stdin>: 22 字 \\(不计空格字符口径\\)$" --stdin ${_cli_dir}/zi.txt
              -- ${nxkx} count --method non_space -)
# A byte-order mark at the start is no 字 (Notepad writes one).
nxkx_cli_test(count.bom --stdout "bom.txt: 2 字 \\(Word 字数统计口径\\), 2 字 \\(不计空格字符口径\\)$"
              -- ${nxkx} count ${_cli_dir}/bom.txt)
nxkx_cli_test(count.invalid_utf8 --exit 2 --stderr "invalid-utf8.txt: 第 6 字节处不是有效的 UTF-8"
              -- ${nxkx} count ${_cli_dir}/invalid-utf8.txt)
nxkx_cli_test(count.invalid_utf8_en --exit 2 --stderr "invalid-utf8.txt: .*byte 6"
              -- ${nxkx} count --lang en ${_cli_dir}/invalid-utf8.txt)

# ---- check --jsonl: one application per line in, one report per line out ----
# tests/cli/jsonl_test.py writes its inputs from the examples; one ctest test per scenario.
foreach(_scenario one_report_per_line accepted_exits_zero duplicates_across_lines
                  amendments_give_the_batch
                  input_error_names_the_line limit_names_the_line text_format stdin_and_crlf
                  missing_file progress threads)
  add_test(NAME cli.check.jsonl.${_scenario}
           COMMAND ${_nxkx_python} ${_cli_dir}/jsonl_test.py ${nxkx} ${_examples} ${_scenario})
  set_tests_properties(cli.check.jsonl.${_scenario} PROPERTIES ENVIRONMENT "LC_ALL=C.UTF-8")
endforeach()

# ---- the desk: workbook, CSV, HTML (printed by headless Chromium), brief text, nxkx new, Word
# documents, encodings (tests/desk/desk_test.py, one ctest test per scenario) ----
find_program(NXKX_DESK_CHROMIUM NAMES chromium chromium-browser)
find_program(NXKX_DESK_PDFTOTEXT pdftotext)
execute_process(COMMAND ${_nxkx_python} -c "import openpyxl, docx"
                RESULT_VARIABLE _nxkx_desk_no_modules OUTPUT_QUIET ERROR_QUIET)
if(_nxkx_desk_no_modules)
  message(WARNING "${_nxkx_python} cannot import openpyxl and docx (python3-openpyxl, "
                  "python3-docx): the desk.* tests will fail")
endif()
set(_desk_scenarios workbook_matches_json csv_matches_json text_and_brief_say_where
                    control_characters_are_visible encodings starter_files_give_the_todo_list
                    word_documents completion_text_from_docx)
if(NXKX_DESK_CHROMIUM AND NXKX_DESK_PDFTOTEXT AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  list(APPEND _desk_scenarios html_prints_every_application)
else()
  message(STATUS "nxkx: no chromium or pdftotext (or a sanitizer build): desk.html_prints_every_application is not added")
endif()
foreach(_scenario IN LISTS _desk_scenarios)
  add_test(NAME desk.${_scenario}
           COMMAND ${_nxkx_python} ${CMAKE_CURRENT_SOURCE_DIR}/desk/desk_test.py ${nxkx}
                   ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/desk ${_scenario})
  set_tests_properties(desk.${_scenario} PROPERTIES
    ENVIRONMENT "LC_ALL=C.UTF-8;PYTHONDONTWRITEBYTECODE=1;CHROMIUM=${NXKX_DESK_CHROMIUM};PDFTOTEXT=${NXKX_DESK_PDFTOTEXT}"
    TIMEOUT 600)
endforeach()
# The longest under ASan (3 minutes: it runs the command for every example and starter file);
# `ctest -j` starts it first.
set_tests_properties(desk.starter_files_give_the_todo_list PROPERTIES COST 180)

# ---- conformance: case files run against a pack, for pack authors (tests/conformance/README.md) ----
set(_cases ${PROJECT_SOURCE_DIR}/tests/conformance/cases)
nxkx_cli_test(conformance.help --stdout "Usage|usage" --stdout "expect or error"
              -- ${nxkx} conformance --help)
# The counts come from the folder: whatever it holds must pass.
nxkx_cli_test(conformance.corpus --stdout "^pass accepted-park_sta_capacity"
              --stdout "^[0-9]+ cases: [0-9]+ passed, 0 failed, 0 could not be read$"
              --no-stdout "^FAIL|^ERROR"
              -- ${nxkx} conformance --lang en ${_cases})
file(GLOB _pack_corpora LIST_DIRECTORIES true ${PROJECT_SOURCE_DIR}/tests/conformance/packs/*)
foreach(_corpus ${_pack_corpora})
  if(IS_DIRECTORY ${_corpus})
    get_filename_component(_pack ${_corpus} NAME)
    nxkx_cli_test(conformance.pack_${_pack}
                  --stdout "^[0-9]+ cases: [0-9]+ passed, 0 failed, 0 could not be read$"
                  --no-stdout "^FAIL|^ERROR"
                  -- ${nxkx} conformance --lang en
                     --notice ${PROJECT_SOURCE_DIR}/examples/packs/${_pack}.json ${_corpus})
  endif()
endforeach()
# A pack's corpus under another pack fails (its kinds and fields are not the 2025 notice's).
nxkx_cli_test(conformance.other_pack_fails --exit 1 --stdout "^FAIL "
              --stdout "error: expected reports, found input\\."
              -- ${nxkx} conformance --lang en
                 ${PROJECT_SOURCE_DIR}/tests/conformance/packs/notice-2026-sample)
nxkx_cli_test(conformance.failing --exit 1
              --stdout "^FAIL wrong-on-purpose-park_sta_capacity"
              --stdout "application #0 decision: expected rejected, found accepted"
              --stdout "application #0 rule_ids: expected eligibility.applicant_kind, found \\(none\\)"
              --stdout "^2 cases: 1 passed, 1 failed, 0 could not be read$"
              -- ${nxkx} conformance --lang en ${_cli_dir}/conformance/failing
                 ${_cases}/000-accepted-park_sta_capacity.json)
nxkx_cli_test(conformance.failing_zh --exit 1 --stdout "^不符 wrong-on-purpose"
              --stdout "decision：应为 rejected，实为 accepted"
              -- ${nxkx} conformance ${_cli_dir}/conformance/failing)
nxkx_cli_test(conformance.json --exit 1 --json --stdout "\"status\": \"fail\""
              --stdout "\"field\": \"decision\"" --stdout "\"failed\": 1"
              -- ${nxkx} conformance --format json ${_cli_dir}/conformance/failing)
# A malformed case file is an error naming the field; the other cases still run.
nxkx_cli_test(conformance.malformed --exit 2
              --stdout "decision-a-number.json: /expect/0/decision: expected a string, found number \\[case\\.invalid\\]"
              --stdout "unknown-field.json: /expected: unknown field \"expected\""
              --stdout "^3 cases: 1 passed, 0 failed, 2 could not be read$"
              -- ${nxkx} conformance --lang en ${_cli_dir}/conformance/malformed
                 ${_cases}/000-accepted-park_sta_capacity.json)
nxkx_cli_test(conformance.not_json --exit 2 --stdout "bom.txt: not JSON.*\\[case\\.syntax\\]"
              -- ${nxkx} conformance --lang en ${_cli_dir}/bom.txt)
nxkx_cli_test(conformance.missing --exit 2 --stdout "\\[input\\.not_found\\]"
              -- ${nxkx} conformance --lang en ${_cli_dir}/no-such-case.json)
nxkx_cli_test(conformance.no_case --exit 4 --stderr "input\\.empty"
              -- ${nxkx} conformance --lang en ${PROJECT_SOURCE_DIR}/tests/docx)
