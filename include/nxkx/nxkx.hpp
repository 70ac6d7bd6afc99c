// nxkx — the rules of 宁夏科协〔2025〕61号《关于组织申报2025年学术交流及学会能力提升项目的通知》
// as code. The umbrella header: include this one.
#pragma once

#include "nxkx/batch.hpp"
#include "nxkx/codes.hpp"
#include "nxkx/credit_code.hpp"
#include "nxkx/date.hpp"
#include "nxkx/diff.hpp"
#include "nxkx/divisions.hpp"
#include "nxkx/doc.hpp"
#include "nxkx/engine.hpp"
#include "nxkx/error.hpp"
#include "nxkx/json.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/lint.hpp"
#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"
#include "nxkx/read.hpp"
#include "nxkx/report.hpp"
#include "nxkx/schema.hpp"
#include "nxkx/text.hpp"
#include "nxkx/version.hpp"
#include "nxkx/writers.hpp"
