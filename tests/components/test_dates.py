"""Gold tables for pressfacts_dates: dates and periods resolved as a reader would, the release
date and the reporting period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import spacy

from pipeline.schema import DateMention, Extraction

D = dt.date.fromisoformat
Extract = Callable[..., Extraction]

# (text, release date or None, [(surface, start, end, granularity), ...])
DATES = [
    (
        "Officers made 40 arrests on 27 April 2017.",
        None,
        [("27 April 2017", "2017-04-27", "2017-04-27", "day")],
    ),
    (
        "The treaty was signed on 10/16/07 in Rome.",
        None,
        [("10/16/07", "2007-10-16", "2007-10-16", "day")],
    ),
    (
        "The count closed on 11.02.2016 at noon.",
        None,
        [("11.02.2016", "2016-02-11", "2016-02-11", "day")],
    ),
    (
        "The board met on 3 March to review the plan.",
        D("2021-03-05"),
        [("3 March", "2021-03-03", "2021-03-03", "day")],
    ),
    (
        "The board met on December 28 to review the plan.",
        D("2021-01-05"),
        [("December 28", "2020-12-28", "2020-12-28", "day")],
    ),
    (
        "The survey ran from January 1-February 10, 2024 in six regions.",
        None,
        [("January 1-February 10, 2024", "2024-01-01", "2024-02-10", "range")],
    ),
    (
        "In March 2018 the agency hired 40 inspectors.",
        None,
        [("March 2018", "2018-03-01", "2018-03-31", "month")],
    ),
    (
        "Burglaries fell this July.",
        D("2014-08-10"),
        [("this July", "2014-07-01", "2014-07-31", "month")],
    ),
    (
        "Thefts fell in 2019 compared with 2018.",
        None,
        [
            ("2019", "2019-01-01", "2019-12-31", "year"),
            ("2018", "2018-01-01", "2018-12-31", "year"),
        ],
    ),
    (
        "In the first quarter of 2022, arrests rose by 4%.",
        None,
        [("the first quarter of 2022", "2022-01-01", "2022-03-31", "quarter")],
    ),
    ("Fines doubled in Q3 2021.", None, [("Q3 2021", "2021-07-01", "2021-09-30", "quarter")]),
    (
        "Drug seizures grew over 6 months of 2019.",
        None,
        [("6 months of 2019", "2019-01-01", "2019-06-30", "half")],
    ),
    (
        "Fraud in January - August 2021 rose by 9%.",
        None,
        [("January - August 2021", "2021-01-01", "2021-08-31", "range")],
    ),
    (
        "U.S. Customs revenue for fiscal year 2017 reached $3 billion.",
        None,
        [("fiscal year 2017", "2016-10-01", "2017-09-30", "fiscal_year")],
    ),
    (
        "Indian railways carried 6.9 billion passengers in FY2024.",
        None,
        [("FY2024", "2023-04-01", "2024-03-31", "fiscal_year")],
    ),
    (
        "Australian farm exports rose in FY 2022.",
        None,
        [("FY 2022", "2021-07-01", "2022-06-30", "fiscal_year")],
    ),
    (
        "Kenya's tax take grew in the 2022/23 financial year.",
        None,
        [("2022/23", "2022-07-01", "2023-06-30", "fiscal_year")],
    ),
    (
        "Crime fell in the year ending March 2019.",
        None,
        [("the year ending March 2019", "2018-04-01", "2019-03-31", "year")],
    ),
    (
        "Police recorded fewer thefts than in 2003/04.",
        None,
        [("2003/04", "2003-04-01", "2004-03-31", "fiscal_year")],
    ),
    (
        "Prisons held more inmates than in the 1990s.",
        None,
        [("the 1990s", "1990-01-01", "1999-12-31", "range")],
    ),
    (
        "The report was released Tuesday.",
        D("2023-10-19"),
        [("Tuesday", "2023-10-17", "2023-10-17", "day")],
    ),
    (
        "The report is published today.",
        D("2022-05-02"),
        [("today", "2022-05-02", "2022-05-02", "day")],
    ),
    (
        "Patrols will double before the summer season.",
        D("2024-04-20"),
        [("the summer season", "2024-06-01", "2024-08-31", "range")],
    ),
]

DATES += [
    (
        "Budget for FY 2022-23 grew by 4%.",
        None,
        [("FY 2022-23", "2022-04-01", "2023-03-31", "fiscal_year")],
    ),
    (
        "Prices peaked in mid-2022 and fell later.",
        None,
        [("mid-2022", "2022-01-01", "2022-12-31", "year")],
    ),
    (
        "Compared to 2008 statistics, murders fell.",
        None,
        [("2008", "2008-01-01", "2008-12-31", "year")],
    ),
    (
        "Thefts fell last month.",
        D("2021-03-09"),
        [("last month", "2021-02-01", "2021-02-28", "month")],
    ),
    ("Fraud grew in winter 2024.", None, [("winter 2024", "2023-12-01", "2024-02-29", "range")]),
]

# Titles set the reporting period that relative dates resolve against.
RELATIVE = [
    (
        "Burglary statistics for 2020\n\nBurglaries fell by 5% compared with the previous year.",
        None,
        [("the previous year", "2019-01-01", "2019-12-31", "year")],
    ),
    (
        "Crime in January-June 2020\n\nThefts fell 3% against the same period last year.",
        None,
        [("the same period last year", "2019-01-01", "2019-06-30", "half")],
    ),
    (
        "Crime in January-June 2020\n\nThefts fell 3% compared with a year ago.",
        None,
        [("a year ago", "2019-01-01", "2019-06-30", "half")],
    ),
    (
        "Crime in 9 months of 2020\n\nRobberies fell 4% compared to last year.",
        None,
        [("last year", "2019-01-01", "2019-09-30", "range")],
    ),
    (
        "Crime in the region in 2021\n\nLast year the police solved 500 crimes.",
        None,
        [("Last year", "2021-01-01", "2021-12-31", "year")],
    ),
    (
        "Results of 2020\n\nIn the reporting year, 40 gangs were broken up.",
        None,
        [("the reporting year", "2020-01-01", "2020-12-31", "year")],
    ),
    (
        "Results of 2020\n\nThe past year was difficult for the service.",
        None,
        [("The past year", "2020-01-01", "2020-12-31", "year")],
    ),
    (
        "Road deaths in 2021\n\nRoad deaths were the fewest in the last ten years.",
        None,
        [("the last ten years", "2012-01-01", "2021-12-31", "range")],
    ),
    (
        "Road deaths in 2021\n\nThe toll was the lowest of the past decade.",
        None,
        [("the past decade", "2012-01-01", "2021-12-31", "range")],
    ),
    (
        "Road safety in 2019\n\nIn the first half of the year, 90 people died.",
        None,
        [("the first half of the year", "2019-01-01", "2019-06-30", "half")],
    ),
    (
        "Crime in January-April 2021\n\nThefts fell in January-April of this year.",
        None,
        [("January-April of this year", "2021-01-01", "2021-04-30", "range")],
    ),
    (
        "Crime in 8 months of 2020\n\nArson rose compared to 8 months of the last year.",
        None,
        [("8 months of the last year", "2019-01-01", "2019-08-31", "range")],
    ),
    (
        "Crime report for 2009\n\nIn May, the preliminary report had shown a fall.",
        None,
        [("May", "2010-05-01", "2010-05-31", "month")],
    ),
    (
        "Crime in the first quarter of 2022\n\nOn April 11th the minister met the press.",
        None,
        [("April 11th", "2022-04-11", "2022-04-11", "day")],
    ),
    (
        "Crime in 9 months of 2024\n\nSince January, 40 kg of drugs were seized.",
        None,
        [("Since January", "2024-01-01", "2024-09-30", "range")],
    ),
    (
        "Flu for January 1-February 10, 2024\n\nCases rose 9% on the same weeks of 2023.",
        None,
        [("the same weeks of 2023", "2023-01-01", "2023-02-10", "range")],
    ),
    (
        "Crime in England, year ending June 2014\n\nViolence fell compared with the previous year.",
        None,
        [("the previous year", "2012-07-01", "2013-06-30", "range")],
    ),
]

RELATIVE += [
    (
        "Crime, year ending March 2019\n\nHomicides fell over the last 10 years.",
        None,
        [("the last 10 years", "2009-04-01", "2019-03-31", "range")],
    ),
    (
        "Thefts down in July\n\nThefts fell in the past 10 years. Fines rose in 2014.",
        None,
        [("July", "2014-07-01", "2014-07-31", "month")],
    ),
]

# Spans between two date names are one period; the reporting quarter or month, and the one
# before it, are read from the period the release reports on.
RELATIVE += [
    (
        "Housing starts, April to June 2022\n\nBuilders began 8,114 homes between April and June.",
        None,
        [("between April and June", "2022-04-01", "2022-06-30", "quarter")],
    ),
    (
        "Between March and May 2021, the price of rice rose from $1.10 to $1.25.",
        None,
        [("Between March and May 2021", "2021-03-01", "2021-05-31", "range")],
    ),
    (
        "Visits were recorded between 3 and 9 October 2022 at all ports.",
        None,
        [("between 3 and 9 October 2022", "2022-10-03", "2022-10-09", "week")],
    ),
    (
        "The clinic opened between 1 May and 15 June 2023 for walk-ins.",
        None,
        [("between 1 May and 15 June 2023", "2023-05-01", "2023-06-15", "range")],
    ),
    (
        "Tourism, third quarter of 2023\n\nHotels hosted 1.2 million guests during the quarter.",
        None,
        [("the quarter", "2023-07-01", "2023-09-30", "quarter")],
    ),
    (
        "Exports, Q2 2021\n\nExports grew in the second quarter of 2021. This quarter, "
        "shipments of tea fell, while coffee rose from the previous quarter.",
        None,
        [
            ("This quarter", "2021-04-01", "2021-06-30", "quarter"),
            ("the previous quarter", "2021-01-01", "2021-03-31", "quarter"),
        ],
    ),
    (
        "Port traffic, first half of 2023\n\nOver the half-year, 310 ships docked, against 290 "
        "in the previous half-year.",
        None,
        [
            ("the half-year", "2023-01-01", "2023-06-30", "half"),
            ("the previous half-year", "2022-07-01", "2022-12-31", "half"),
        ],
    ),
    (
        "Consumer prices, October 2023\n\nInflation in October 2023 was 4.1%, against 4.4% "
        "a month earlier. Food prices rose during the month.",
        D("2023-11-03"),
        [
            ("a month earlier", "2023-09-01", "2023-09-30", "month"),
            ("the month", "2023-10-01", "2023-10-31", "month"),
        ],
    ),
    (
        "Consumer prices, October 2023\n\nInflation in October 2023 was 4.1%, up from 3.8% "
        "in the same month last year.",
        D("2023-11-03"),
        [("the same month last year", "2022-10-01", "2022-10-31", "month")],
    ),
    (
        "Harbour Authority Annual Review 2022\n\nShips docked 4,210 times.",
        None,
        [("2022", "2022-01-01", "2022-12-31", "year")],
    ),
    (
        "Thefts fell from 31 in January 2022 to 17 in March 2022.",
        None,
        [
            ("January 2022", "2022-01-01", "2022-01-31", "month"),
            ("March 2022", "2022-03-01", "2022-03-31", "month"),
        ],
    ),
    (
        "Fines rose between 2018 and 2019 to 4,102.",
        None,
        [
            ("2018", "2018-01-01", "2018-12-31", "year"),
            ("2019", "2019-01-01", "2019-12-31", "year"),
        ],
    ),
    (
        "PRESS NOTE\nCoastguard Yearly Review 2020\nMarch 2, 2021\n\nRescues rose to 312.",
        None,
        [("2020", "2020-01-01", "2020-12-31", "year")],
    ),
    (
        "Tax receipts in Q1-Q3 2023 beat the budget.",
        None,
        [("Q1-Q3 2023", "2023-01-01", "2023-09-30", "range")],
    ),
    (
        "Over the first two quarters of 2020, 95 bridges were inspected.",
        None,
        [("the first two quarters of 2020", "2020-01-01", "2020-06-30", "half")],
    ),
    (
        "Water use, 2023\n\nMeters were read from 1 to 15 May 2023 across the city.",
        None,
        [("from 1 to 15 May 2023", "2023-05-01", "2023-05-15", "range")],
    ),
    (
        "Jobless claims fell in the three months to June 2023.",
        None,
        [("the three months to June 2023", "2023-04-01", "2023-06-30", "quarter")],
    ),
    (
        "Road deaths, January to May 2022\n\nThe year-to-date toll stood at 64.",
        None,
        [("The year-to-date", "2022-01-01", "2022-05-31", "range")],
    ),
    (
        "Port cargo, 2021\n\nVolumes in 2022 Q2 and in Q3/2022 were higher.",
        None,
        [
            ("2022 Q2", "2022-04-01", "2022-06-30", "quarter"),
            ("Q3/2022", "2022-07-01", "2022-09-30", "quarter"),
        ],
    ),
    (
        "Dwelling approvals rose 3% in the September quarter 2023.",
        None,
        [("the September quarter 2023", "2023-07-01", "2023-09-30", "quarter")],
    ),
    (
        "Fraud in 2023\n\nThis month the unit opened a hotline; fraud fell 3% from the "
        "previous month.",
        D("2024-02-12"),
        [
            ("This month", "2024-02-01", "2024-02-29", "month"),
            ("the previous month", "2024-01-01", "2024-01-31", "month"),
        ],
    ),
    (
        "Net profit in 1Q24 was 18% higher.",
        None,
        [("1Q24", "2024-01-01", "2024-03-31", "quarter")],
    ),
    (
        "Revenue in FY2022-23 reached Rs 40 crore.",
        None,
        [("FY2022-23", "2022-04-01", "2023-03-31", "fiscal_year")],
    ),
]

# A slashed day whose numbers could both be the month is read as the release writes its other
# days, else as its country does; ISO days and impossible months need neither.
DATES += [
    (
        "Kenya National Bureau of Statistics\n\nPublished: 05/06/2024\n\nInflation in Kenya "
        "eased in May 2024.",
        None,
        [("05/06/2024", "2024-06-05", "2024-06-05", "day")],
    ),
    (
        "U.S. Department of Labor\n\nRelease date: 05/06/2024\n\nAmerican employers added "
        "jobs in April 2024.",
        None,
        [("05/06/2024", "2024-05-06", "2024-05-06", "day")],
    ),
    (
        "The audit ran until 2 May 2024. The board met again on 04/05/2024.",
        None,
        [("04/05/2024", "2024-05-04", "2024-05-04", "day")],
    ),
    (
        "The audit ran until May 2, 2024. The board met again on 04/05/2024.",
        None,
        [("04/05/2024", "2024-04-05", "2024-04-05", "day")],
    ),
    (
        "The inquiry in New Zealand opened on 13/04/2024 and closed on 2024/05/03.",
        None,
        [
            ("13/04/2024", "2024-04-13", "2024-04-13", "day"),
            ("2024/05/03", "2024-05-03", "2024-05-03", "day"),
        ],
    ),
    (
        "Ireland's census office met on 04/13/2024 and again on 2024-05-03.",
        None,
        [
            ("04/13/2024", "2024-04-13", "2024-04-13", "day"),
            ("2024-05-03", "2024-05-03", "2024-05-03", "day"),
        ],
    ),
]

# Parts of a fiscal year count from the month the release's country starts it in.
DATES += [
    (
        "Indian GST collections in the third quarter of the 2023-24 financial year rose 12%.",
        None,
        [
            (
                "the third quarter of the 2023-24 financial year",
                "2023-10-01",
                "2023-12-31",
                "quarter",
            )
        ],
    ),
    (
        "Australian wool exports fell in Q2 FY2024.",
        None,
        [("Q2 FY2024", "2023-10-01", "2023-12-31", "quarter")],
    ),
    (
        "New Zealand's Treasury reported a surplus in the first half of the 2023/24 fiscal year.",
        None,
        [("the first half of the 2023/24 fiscal year", "2023-07-01", "2023-12-31", "half")],
    ),
    (
        "The U.S. deficit widened in the first quarter of fiscal year 2024.",
        None,
        [("the first quarter of fiscal year 2024", "2023-10-01", "2023-12-31", "quarter")],
    ),
    (
        "Japanese exports will rise in the current fiscal year.",
        D("2024-05-10"),
        [("the current fiscal year", "2024-04-01", "2025-03-31", "fiscal_year")],
    ),
    (
        "Indian tax receipts beat the target in the previous financial year.",
        D("2024-06-01"),
        [("the previous financial year", "2023-04-01", "2024-03-31", "fiscal_year")],
    ),
]

# Spans of weeks by their last or first day; the last day of a month or a year.
DATES += [
    (
        "Flu update\n\nAdmissions peaked in the week ending 16 June.",
        D("2024-07-08"),
        [("the week ending 16 June", "2024-06-10", "2024-06-16", "week")],
    ),
    (
        "Retail trade, week ended March 2, 2024\n\nSales rose.",
        None,
        [("week ended March 2, 2024", "2024-02-25", "2024-03-02", "week")],
    ),
    (
        "Rail traffic in the four weeks to 3 March 2024 rose. In the week beginning 10 June "
        "2024 it fell.",
        None,
        [
            ("the four weeks to 3 March 2024", "2024-02-05", "2024-03-03", "range"),
            ("the week beginning 10 June 2024", "2024-06-10", "2024-06-16", "week"),
        ],
    ),
    (
        "Court statistics, January to March 2024\n\nThe backlog stood at 3,100 cases at the "
        "end of March, down from 3,400 at the end of 2023.",
        D("2024-05-20"),
        [
            ("the end of March", "2024-03-31", "2024-03-31", "day"),
            ("the end of 2023", "2023-12-31", "2023-12-31", "day"),
        ],
    ),
    (
        "Revenue service: collections in the 2023/24 financial year\n\nThe debt book stood "
        "at 9 billion at the end of March.",
        None,
        [("the end of March", "2024-03-31", "2024-03-31", "day")],
    ),
]

# The reporting period names what "the quarter", "the three months" and "a year earlier" are,
# fiscal or not; counted periods ("twelve months earlier") move it back.
RELATIVE += [
    (
        "Rail freight in India, third quarter of the 2023-24 financial year\n\nFreight rose 4% "
        "on the same quarter of the previous financial year. Over the three months, 400 trains "
        "ran daily. During the quarter, 12 lines opened. Tonnage was 6% higher than a year "
        "earlier.",
        None,
        [
            ("third quarter of the 2023-24 financial year", "2023-10-01", "2023-12-31", "quarter"),
            (
                "the same quarter of the previous financial year",
                "2022-10-01",
                "2022-12-31",
                "quarter",
            ),
            ("the three months", "2023-10-01", "2023-12-31", "quarter"),
            ("the quarter", "2023-10-01", "2023-12-31", "quarter"),
            ("a year earlier", "2022-10-01", "2022-12-31", "quarter"),
        ],
    ),
    (
        "Consumer prices, January 2024\n\nPrices were 3.1% higher than twelve months earlier "
        "and 1% higher than three months earlier.",
        None,
        [
            ("twelve months earlier", "2023-01-01", "2023-01-31", "month"),
            ("three months earlier", "2023-10-01", "2023-10-31", "month"),
        ],
    ),
    (
        "Retail sales, second quarter 2023\n\nSales were 2% below their level two years earlier.",
        None,
        [("two years earlier", "2021-04-01", "2021-06-30", "quarter")],
    ),
]

# Periods by the day they end, ranges over a new year, fiscal naming by country, and weeks.
DATES += [
    (
        "Motor insurance claims fell 4% in the year to 31 March.",
        D("2024-05-02"),
        [("the year to 31 March", "2023-04-01", "2024-03-31", "year")],
    ),
    (
        "Water use rose in the six months ended September 30, 2023.",
        None,
        [("the six months ended September 30, 2023", "2023-04-01", "2023-09-30", "range")],
    ),
    (
        "The festival ran from Saturday 28 December to Sunday 5 January and drew crowds.",
        D("2025-01-10"),
        [("Saturday 28 December to Sunday 5 January", "2024-12-28", "2025-01-05", "range")],
    ),
    (
        "Between 1 July 2022 and 15 May 2023, 300 permits were issued.",
        None,
        [("Between 1 July 2022 and 15 May 2023", "2022-07-01", "2023-05-15", "range")],
    ),
    (
        "Reserves stood at $4 billion at end-June 2023.",
        None,
        [("end-June 2023", "2023-06-30", "2023-06-30", "day")],
    ),
    (
        "Singapore's budget for FY2025 sets aside S$1 billion for transport.",
        None,
        [("FY2025", "2025-04-01", "2026-03-31", "fiscal_year")],
    ),
    (
        "Japanese rice imports grew in FY2023.",
        None,
        [("FY2023", "2023-04-01", "2024-03-31", "fiscal_year")],
    ),
    (
        "The U.S. state of Texas will hire 300 troopers in state fiscal year 2026.",
        None,
        [("state fiscal year 2026", "2025-07-01", "2026-06-30", "fiscal_year")],
    ),
    (
        "Ohio troopers issued 41,000 citations in fiscal year 2022-23, which ended June 30.",
        None,
        [("fiscal year 2022-23", "2022-07-01", "2023-06-30", "fiscal_year")],
    ),
    (
        "Hospital admissions, week ending 14 January 2024\n\nAcross the United Kingdom, 2.1 "
        "million patients were admitted in the financial year to date, 5% fewer than the "
        "previous week.",
        None,
        [
            ("the financial year to date", "2023-04-01", "2024-01-14", "range"),
            ("the previous week", "2024-01-01", "2024-01-07", "week"),
        ],
    ),
    (
        "Doctors in Wales were busy last week, the minister said.",
        D("2024-01-17"),
        [("last week", "2024-01-08", "2024-01-14", "week")],
    ),
]

# "The same period of <year>" moves the period its sentence reports on, not one it compares.
RELATIVE += [
    (
        "Tourism statistics for the year to 30 September 2024\n\nIn the first half of 2024, "
        "arrivals reached 2 million, more than in the same period of 2023.",
        None,
        [("the same period of 2023", "2023-01-01", "2023-06-30", "half")],
    ),
    (
        "Exports, Q2 2024\n\nExports were 5% higher than in the first quarter of 2024 and 9% "
        "above the same quarter of 2023.",
        None,
        [("the same quarter of 2023", "2023-04-01", "2023-06-30", "quarter")],
    ),
    (
        "Hospital admissions in the United Kingdom, week ending 14 January 2024\n\nBetween 1 "
        "April 2023 and 14 January 2024, admissions rose 3% on the same period of 2022/23.",
        None,
        [("the same period of 2022/23", "2022-04-01", "2023-01-14", "range")],
    ),
]

# Numbers that are not dates: no date mention may overlap them.
NOT_DATES = [
    ("Officers solved 2288 crimes in 2020.", "2288"),
    ("Calls to Service 102 doubled in 2020.", "102"),
    ("Clearance reached 86.7% in 2020.", "86.7%"),
    ("Some 86 officers were injured in 2019.", "86"),
    ("Call (202) 514-2007 for details.", "514-2007"),
    ("The unit seized 1999 cartridges last month.", "1999"),
    ("Theresa May met the minister in 2018.", "May"),
    ("In 2022, 2000 officers were trained.", "2000"),
    ("Crime in 2019\n\nThefts fell for 11 years in a row.", "11 years"),
    ("Thefts down in July\n\nThefts fell in the past 10 years.", "the past 10 years"),
    ("A quarter of the drivers were fined in 2019.", "A quarter"),
    ("The agency spent $4 million in fiscal year 2017.", "fiscal year 2017"),
    ("Thefts, year ending March 2019\n\nTheft is far below the level of 20 years ago.", "20 years"),
    ("Crime in 2020\n\nThe three months of lockdown closed 40 shops.", "three months"),
]


def _find(extraction: Extraction, surface: str) -> DateMention:
    matches = [d for d in extraction.dates if d.text == surface]
    assert matches, f"no date {surface!r} in {[d.text for d in extraction.dates]}"
    return matches[0]


def _ids(table: list[tuple[str, dt.date | None, list[tuple[str, str, str, str]]]]) -> list[str]:
    return [expected[0][0] for _, _, expected in table]


@pytest.mark.parametrize(
    ("text", "published", "expected"), DATES + RELATIVE, ids=_ids(DATES + RELATIVE)
)
def test_dates_resolve(
    extract_text: Extract,
    text: str,
    published: dt.date | None,
    expected: list[tuple[str, str, str, str]],
) -> None:
    extraction = extract_text(text, published=published)
    for surface, start, end, granularity in expected:
        date = _find(extraction, surface)
        assert (date.start_date, date.end_date) == (D(start), D(end))
        assert date.granularity == granularity
        assert extraction.release.text[date.start : date.end] == surface


@pytest.mark.parametrize(("text", "surface"), NOT_DATES, ids=[s for _, s in NOT_DATES])
def test_not_dates(extract_text: Extract, text: str, surface: str) -> None:
    extraction = extract_text(text)
    start = text.index(surface)
    end = start + len(surface)
    overlapping = [d.text for d in extraction.dates if d.start < end and start < d.end]
    assert overlapping == []


def test_relative_flag(extract_text: Extract) -> None:
    extraction = extract_text("Results of 2020\n\nIn the reporting year, crime fell.")
    assert _find(extraction, "the reporting year").relative
    assert not _find(extraction, "2020").relative


# (text, expected release date, basis)
RELEASE_DATES = [
    ("Police report\n\n14.02.2019\n\nThefts fell in 2018.", "2019-02-14", "dateline"),
    (
        "Police report\n\nTbilisi, 12 July 2023 – Thefts fell in the first half of 2023.",
        "2023-07-12",
        "dateline",
    ),
    ("Police report\n\nPublished 3 March 2021\n\nThefts fell in 2020.", "2021-03-03", "dateline"),
    (
        "Police report\n\nRelease date: 27 April 2017. Next release: 20 July 2017.",
        "2017-04-27",
        "dateline",
    ),
    (
        "Violent crime fell in 2022\n\nOct. 17 (AP) -- Violent crime declined in 2022, "
        "the report shows.",
        "2023-10-17",
        "dateline",
    ),
    (
        "Ministry report\n\nOn January 18, the ministry held a meeting on the results of 2020.",
        "2021-01-18",
        "inferred",
    ),
    (
        "Crime in the first quarter of 2022\n\nOn April 11th, the minister reviewed the quarter.",
        "2022-04-11",
        "inferred",
    ),
    (
        "State police statistics\n\nCOLUMBUS, OH - On February 6, the superintendent presented "
        "the statistics for calendar year 2023 to legislators.",
        "2024-02-06",
        "inferred",
    ),
    (
        "Crime in 2023\n\nThefts fell by 4%.\n\n"
        "The data were published by the ministry on 16 October 2023.",
        "2023-10-16",
        "stated",
    ),
    (
        "Ministry of Health\n\nNAIROBI – The Cabinet Secretary presented the cholera figures "
        "in Parliament on Tuesday, 14 May 2024. Cases fell by 3% in April.",
        "2024-05-14",
        "stated",
    ),
    (
        "Police figures\n\nThe Commissioner announced on 3 March 2023 that burglaries fell "
        "by 4% in 2022 across the whole country.",
        "2023-03-03",
        "stated",
    ),
    (
        "Police figures\n\nBurglaries fell by 4% in 2022 across the whole of the country. "
        "The full report will be published on 3 March 2023.",
        None,
        None,
    ),
    (
        "Crime in 2022\n\nBurglaries fell by 4% in 2022 across the whole of the country. "
        "Thefts rose by 2% in the capital and in every one of its districts.\n\n"
        "The new law on theft, which the minister presented on 3 March 2019, took effect.",
        None,
        None,
    ),
    (
        "Central Statistics Office\nMonthly Unemployment May 2024\nReleased: 04/06/2024 "
        "11:00\n\nThe unemployment rate in Ireland was 4.3% in May 2024.",
        "2024-06-04",
        "dateline",
    ),
    (
        "Crime in 2007\n\nSpeaking on 10/16/07, the deputy minister recalled the last decade.",
        None,
        None,
    ),
    ("Crime in the region in 2021\n\nToday the minister met the governor.", None, None),
]


@pytest.mark.parametrize(
    ("text", "published", "basis"),
    RELEASE_DATES,
    ids=[str(p) + "-" + t[:20] for t, p, _ in RELEASE_DATES],
)
def test_release_date(
    extract_text: Extract, text: str, published: str | None, basis: str | None
) -> None:
    release = extract_text(text).release
    assert release.published == (D(published) if published else None)
    assert release.published_basis == basis


def test_release_date_from_metadata_wins(extract_text: Extract) -> None:
    release = extract_text(
        "Police report\n\n14.02.2019\n\nThefts fell.", published=D("2019-02-20")
    ).release
    assert (release.published, release.published_basis) == (D("2019-02-20"), "option")


# (title and lead, reporting period)
REPORTING_PERIODS = [
    (
        "Crime in the Russian Federation in January-June 2020\n\nCrime fell.",
        ("2020-01-01", "2020-06-30"),
    ),
    (
        "Crime in England and Wales, year ending March 2019\n\nCrime was stable.",
        ("2018-04-01", "2019-03-31"),
    ),
    (
        "Main indicators remain stable\n\nThe ministry reports stable crime. "
        "In the first 3 months of 2022 thefts fell.",
        ("2022-01-01", "2022-03-31"),
    ),
    (
        "Thefts down in July\n\nThefts fell in July. Fines rose from 200 in 2013 to 300 in 2014.",
        ("2014-07-01", "2014-07-31"),
    ),
    (
        "Crime statistics for 9 months\n\nThefts fell by 3% in 2021 as a whole.",
        ("2021-01-01", "2021-09-30"),
    ),
    (
        "Fact sheet\n\nThe minister spoke about the work of prosecutors and courts "
        "over many years.",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "period"), REPORTING_PERIODS, ids=[t[:30] for t, _ in REPORTING_PERIODS]
)
def test_reporting_period(extract_text: Extract, text: str, period: tuple[str, str] | None) -> None:
    interval = extract_text(text).release.reporting_period
    got = (interval.start.isoformat(), interval.end.isoformat()) if interval else None
    assert got == period


def test_deterministic(extract_text: Extract) -> None:
    text = "Crime in January-June 2020\n\nThefts fell 3% against the same period last year."
    first = extract_text(text).model_dump()
    assert extract_text(text).model_dump() == first


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Lighthouse Service Annual Report 2019\n\nKeepers logged storms.", ["2019"]),
        ("Annual Report of the Port Authority 2016\n\nShips docked.", ["2016"]),
        ("Port news\n\nKeepers logged 2019\nstorms.", []),
    ],
    ids=["title", "title-of-the", "not-a-title"],
)
def test_year_closing_a_heading(text: str, years: list[str]) -> None:
    """Without entities to lean on, a year that closes a title-case line is still a year."""
    import pipeline.components.dates  # noqa: F401  (registers the factory)
    from pipeline.extensions import SPANS_DATES, register_extensions

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("pressfacts_dates")
    doc = nlp(text)
    assert [span.text for span in doc.spans[SPANS_DATES]] == years
