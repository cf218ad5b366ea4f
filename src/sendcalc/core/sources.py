"""The public documents every step cites, by their titles: one place to correct a citation.

Each constant is the text printed as a step's ``source``. A parent can look each one up: an Act
or Regulation on legislation.gov.uk, DfE guidance on gov.uk, the Hertfordshire parents' guide on the forum's website.
Where the law is silent, :func:`convention` says so and gives sendcalc's reason.
"""

from __future__ import annotations

REGS_2012 = "School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012 (SI 2012/1033)"
REGS_2007 = (
    "Education (Provision of Full-Time Education for Excluded Pupils) (England) Regulations 2007 "
    "(SI 2007/1870) as amended by SI 2014/3216"
)
EIA_2006 = "Education and Inspections Act 2006"
EA_1996 = "Education Act 1996"
DFE_SUSPENSION = (
    "DfE, Suspension and permanent exclusion from maintained schools, academies and pupil referral units in "
    "England, including pupil movement (2024)"
)
HERTS_GUIDE = (
    "Herts Parent Carer Involvement (HPCI), A brief guide for parents of children with SEND about exclusions and "
    "other attendance issues"
)


def convention(reason: str) -> str:
    """The source of a step where the law is silent: says so, and why sendcalc counts as it does."""
    return f"sendcalc convention: the law is silent; {reason}"


COLLECTION = f"{HERTS_GUIDE} (the suspension starts when the parent collects the child)"
START_OF_DAY = convention("with no collection time, the whole school day is counted, the reading that favours no one")
BEFORE_START = convention("only school time counts, so time before the school day starts is not excluded time")
AFTER_END = convention("only school time counts: no school time is left that day, as if the child was not collected")
WHOLE_DAYS = f"{HERTS_GUIDE} (a whole day ends at the same time on the next school day)"
HALF_DAY_SESSION = convention(
    "the law does not define half a school day; registers, DfE statistics and the DfE guidance count sessions, so a "
    "half day is one whole session"
)
END_OF_DAY = convention("a return at the very end of a school day is a return at the start of the next one")
SCHOOL_DAY = f"{EA_1996} s.579 (a school day is a day on which the school holds a session)"
SCHOOL_HOURS = f"{EIA_2006} s.103 (school hours include the break between sessions)"
EXCLUDED_DATES = convention("every school date on which any excluded time falls is listed")
DAY_ONE = f"{EIA_2006} s.103(7)"
ATTRIBUTION = convention(
    "the Regulations count days 'in any term' without saying where a suspension across two terms counts; each day "
    "counts in the term and school year of its date"
)
PARENT_DUTY = f"{EIA_2006} s.103(1)-(2) (penalty notice possible under s.105)"
SET_WORK = f"{DFE_SUSPENSION} ('should', not statute)"
WRITTEN_NOTICE = "SI 2007/1870 reg 6(2)"
PROVISION_SUSPENSION = f"{EIA_2006} s.100; {REGS_2007} reg 3"
PROVISION_PERMANENT = f"{EIA_2006} s.101; {EA_1996} s.19(3A); {REGS_2007} reg 4"
PROVISION_NOTICE = "details 48 hours ahead: SI 2007/1870 reg 6(3)-(4)"
PROVISION_EXCEPTION = (
    "exceptions: SI 2007/1870 reg 5(2)(a) (Year 11, exams over) and reg 5(2)(b) (plan names fewer hours)"
)
BACK_TO_BACK = "SI 2014/3216 ('sixth consecutive school day of exclusion')"
RUN_BROKEN = convention("consecutive school days of exclusion end only when the child attends a full session")
LUNCHTIME = f"{DFE_SUSPENSION} (a lunchtime suspension counts as half a school day)"
TERM_TOTAL = f"{REGS_2012} reg 6/15/24 ('in any term')"
YEAR_READING = (
    f"{HERTS_GUIDE} reads the 5 and 15 day lines over a school year; {REGS_2012} reg 6/15/24 say 'in any term'"
)
HEAD_NOTICE = f"{REGS_2012} reg 5(2)/14(2)/23(2)"
EVERY_SUSPENSION = f"{REGS_2012} reg 5(1)/14(1)/23(1) as amended"
CAP = f"{REGS_2012} reg 4/13/22 ('more than 45 school days in any school year')"
BOARD_NO_DUTY = f"{REGS_2012} reg 6/15/24 (not in para (1))"
BOARD_IF_ASKED = f"{REGS_2012} reg 6(1)(c)/15(1)(c)/24(1)(c)"
BOARD_MUST = f"{REGS_2012} reg 6(1)(b)(i)/15(1)(b)(i)/24(1)(b)(i)"
BOARD_EXAM = f"{REGS_2012} reg 6(1)(b)(ii)/15(1)(b)(ii)/24(1)(b)(ii)"
BOARD_PERMANENT = f"{REGS_2012} reg 6(1)(a)/15(1)(a)/24(1)(a)"
NOTICE_CONVENTION = convention("notice is due 'without delay', so it is taken as the first day unless a date is given")
IRP_APPLY = f"{REGS_2012} Sch 1 para 2(1)"
IRP_SEN_EXPERT = "SEN expert: the same Regulations reg 7/16/25"
IRP_POSTED = f"{REGS_2012} Sch 1 para 1(2), reg 8(3)/17(3)/26(3); working day: reg 2"
IRP_CLOSING = f"{REGS_2012} Sch 1 para 1(1) ('closing date for reviews')"
IRP_RECONSIDER = f"{REGS_2012} reg 8/17/26"
SCHOOL_YEAR = "School Day and School Year Regulations 1999 reg 2 (sendcalc uses 1 August to 31 July)"
SCHOOL_AGE = (
    f"{EA_1996} s.8; Education (Start of Compulsory School Age) Order 1998 (31 December, 31 March, 31 August); "
    "Education (School Leaving Date) Order 1997 (the last Friday in June of Year 11)"
)
EHC_REQUEST = "Children and Families Act 2014 s.36 (a parent may ask the council for an EHC needs assessment)"
SEN_SUPPORT = "DfE and DHSC, SEND Code of Practice: 0 to 25 years (2015), chapter 6 (SEN support in schools)"
WTISA = "DfE, Working together to improve school attendance (2024)"
PART_TIME_AGREED = (
    f"{WTISA}, part-time timetables (they need the parents' agreement); {DFE_SUSPENSION} (keeping a pupil out of "
    "school without a formal exclusion is an unlawful informal exclusion)"
)
ILLNESS_CODE = f"{WTISA}, and DfE, School attendance codes (illness is code I; the school may ask for evidence)"
