"""Legal sources cited by the suspension, exclusion and review calculations (rules.md §2, §3).

Each constant is the text printed as a step's ``source``; one place to correct a citation.
"""

from __future__ import annotations

REGS_2012 = "School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012 (SI 2012/1033)"
REGS_2007 = (
    "Education (Provision of Full-Time Education for Excluded Pupils) (England) Regulations 2007 "
    "(SI 2007/1870) as amended by SI 2014/3216"
)
EIA_2006 = "Education and Inspections Act 2006"

SEED_START = "sendcalc seed 000 (collection moment); rules.md §2.1"
RULES_START_CONVENTION = "rules.md §2.1 convention (law silent)"
SCHOOL_DAY = "Education Act 1996 s.579 (school day = a day with a school session); rules.md §1"
DAY_ONE = f"{EIA_2006} s.103(7); rules.md §2.2"
ATTRIBUTION = "rules.md §2.2 attribution convention (law silent)"
PARENT_DUTY = f"{EIA_2006} s.103(1)-(2) (penalty notice possible under s.105); rules.md §2.3"
SET_WORK = "DfE suspension and permanent exclusion guidance ('should', not statute); rules.md §2.3"
WRITTEN_NOTICE = "SI 2007/1870 reg 6(2); rules.md §2"
PROVISION_SUSPENSION = f"{EIA_2006} s.100; {REGS_2007} reg 3; rules.md §2.3"
PROVISION_PERMANENT = f"{EIA_2006} s.101; Education Act 1996 s.19(3A); {REGS_2007} reg 4; rules.md §3"
PROVISION_NOTICE = "details 48 hours ahead: SI 2007/1870 reg 6(3)-(4)"
PROVISION_EXCEPTION = "Year 11 exception: SI 2007/1870 reg 5"
BACK_TO_BACK = "SI 2014/3216 ('sixth consecutive school day of exclusion'); rules.md §2.3 convention"
TERM_TOTAL = f"{REGS_2012} reg 6/15/24 ('in any term'); rules.md §2"
HEAD_NOTICE = f"{REGS_2012} reg 5(2)/14(2)/23(2)"
EVERY_SUSPENSION = f"{REGS_2012} reg 5(1)/14(1)/23(1) as amended"
CAP = f"{REGS_2012} reg 4/13/22 ('more than 45 school days in any school year'); rules.md §2"
BOARD_NO_DUTY = f"{REGS_2012} reg 6/15/24 (not in para (1)); rules.md §2.4"
BOARD_IF_ASKED = f"{REGS_2012} reg 6(1)(c)/15(1)(c)/24(1)(c); rules.md §2.4"
BOARD_MUST = f"{REGS_2012} reg 6(1)(b)(i)/15(1)(b)(i)/24(1)(b)(i); rules.md §2.4"
BOARD_EXAM = f"{REGS_2012} reg 6(1)(b)(ii)/15(1)(b)(ii)/24(1)(b)(ii); rules.md §2.4"
BOARD_PERMANENT = f"{REGS_2012} reg 6(1)(a)/15(1)(a)/24(1)(a); rules.md §3"
NOTICE_CONVENTION = "rules.md §2.4 convention (law silent: notice is due 'without delay')"
IRP_APPLY = f"{REGS_2012} Sch 1 para 2(1); rules.md §3"
IRP_SEN_EXPERT = "SEN expert: the same Regulations reg 7/16/25"
IRP_POSTED = f"{REGS_2012} Sch 1 para 1(2), reg 8(3)/17(3)/26(3); working day: reg 2; rules.md §3"
IRP_CLOSING = f"{REGS_2012} Sch 1 para 1(1) ('closing date for reviews'); rules.md §3"
IRP_RECONSIDER = f"{REGS_2012} reg 8/17/26; rules.md §3"
SCHOOL_YEAR = "School Day and School Year Regulations 1999 reg 2 (sendcalc uses 1 August to 31 July); rules.md §1"
