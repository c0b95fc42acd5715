"""Gold table for pressfacts_quantities: which numbers are claims, their values and units."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.schema import Extraction

from .helpers import claim_at

Extract = Callable[..., Extraction]

# text, surface of the claim, value, unit, kind, normalized value, normalized unit
CLAIMS = [
    ("Homicides rose from 57 in 2021 to 48 in 2022.", "57", 57, None, "count", 57, None),
    ("One in five drivers was fined.", "One in five", 0.2, None, "ratio", 0.2, None),
    ("Police seized 4,318 firearms last year.", "4,318", 4318, None, "count", 4318, None),
    ("The ministry spent 12,905,400 manats on patrols.", "12,905,400 manats", 12905400,
     "azerbaijani manat", "money", 12905400, "AZN"),
    ("Burglaries made up 7,3% of the total.", "7,3%", 7.3, "percentage", "percent", 7.3, "percent"),
    ("Officers confiscated 2 ton 415 kg of cannabis.", "2 ton 415 kg", 2415, "kilogram", "mass",
     2415, "kilogram"),
    ("Customs found 4 t 112 kg 305,500 g of heroin.", "4 t 112 kg 305,500 g", 4112.3055,
     "kilogram", "mass", 4112.3055, "kilogram"),
    ("Fines rose from 41,870 to 63.204 this spring.", "63.204", 63204, None, "count", 63204,
     None),
    ("The index closed at 96.125 points.", "96.125", 96.125, "point", "other", 96.125, None),
    ("The budget grew to $3.4 million.", "$3.4 million", 3.4e6, "dollar", "money", 3.4e6, "USD"),
    ("The agency recorded 612 thousand offences.", "612 thousand", 612000, None, "count",
     612000, None),
    ("Forty-two officers were decorated.", "Forty-two", 42, None, "count", 42, None),
    ("Call-outs rose on 1 318 398 homes.", "1 318 398", 1318398, None, "count", 1318398, None),
    ("Assets worth R2.4 million were frozen.", "R2.4 million", 2.4e6, "south african rand",
     "money", 2.4e6, "ZAR"),
    ("A further R350m went to clinics.", "R350m", 3.5e8, "south african rand", "money", 3.5e8,
     "ZAR"),
    ("South African courts imposed fines of R12 500.", "R12 500", 12500, "south african rand",
     "money", 12500, "ZAR"),
    ("Nigeria's ports earned N612.4 billion in duties.", "N612.4 billion", 6.124e11,
     "nigerian naira", "money", 6.124e11, "NGN"),
    ("Almost two in five claims were paid late.", "two in five", 0.4, None, "ratio", 0.4, None),
    ("The clinics of Tayside had 1,930 visits and Fife Central 1,412 (57.3%).", "1,412", 1412,
     None, "count", 1412, None),
    ("Most of the money went to Nairobi. Twelve schools were rebuilt.", "Twelve", 12, None,
     "count", 12, None),
    ("The patrol covered 18 km on foot.", "18 km", 18, "kilometre", "length", 18000, "metre"),
    ("Thefts fell by 03.5% in March.", "03.5%", 3.5, "percentage", "percent", 3.5, "percent"),
    ("The balance stood at −412 units.", "−412", -412, None, "count", -412, None),
    ("Detections increased 4 times.", "4 times", 4, "times", "ratio", 4, None),
    ("A typical fine is between 150 and 300 euros.", "150 and 300 euros", 150, "euro", "money",
     150, "EUR"),
    ("The tunnel is 2\u00a0450 metres long.", "2\u00a0450 metres", 2450, "metre", "length", 2450,
     "metre"),
    ("He was jailed for 7 years and 3 months.", "7 years and 3 months", 7.25, "year", "duration",
     7.25 * 31556952, "second"),
    ("Arrests fell by 1,380 or 6.2%.", "1,380", 1380, None, "count", 1380, None),
    ("Prices rose 5 or 6% in May.", "5", 5, "percentage", "percent", 5, "percent"),
    ("Gas sold at $3.10 per mmBtu.", "$3.10 per mmBtu", 3.1, "dollar per mega british thermal unit",
     "money", 3.1, "USD per mega british thermal unit"),
    ("The cell reached 0.8 A/cm2 at peak.", "0.8 A/cm2", 0.8, "ampere per square centimetre",
     "other", 0.8, "ampere per square centimetre"),
    ("A 9,000 barrel-a-day plant opened.", "9,000 barrel-a-day", 9000, "barrel per day", "volume",
     9000 * 0.158987294928, "cubic metre per day"),
    ("Ola Berg, 54, was elected chair.", "54", 54, "year of age", "duration", 54 * 31556952,
     "second"),
    ("She will be 35 in May.", "35", 35, "year of age", "duration", 35 * 31556952, "second"),
    ("The vote was 35 to 12.", "35", 35, None, "count", 35, None),
    ("They were 35 when the bus left.", "35", 35, None, "count", 35, None),
    ("Acme Corp, 54, Main Street, closed.", "54", 54, None, "count", 54, None),
    ("Cases by town: Rustavi, 12, Batumi, 9, Gori, 4.", "12", 12, None, "count", 12, None),
    ("The index rose 64.06 points to 4,577.10.", "4,577.10", 4577.1, "point", "other", 4577.1,
     None),
    ("Arrests rose 5% to 1,200.", "1,200", 1200, None, "count", 1200, None),
    ("They make sub-7 nanometre chips.", "7 nanometre", 7, "nanometre", "length", 7e-9, "metre"),
    ("The star weighs 2.1×10^30 kg.", "2.1×10^30 kg", 2.1e30, "kilogram", "mass", 2.1e30,
     "kilogram"),
    ("Each dose holds 2.5×10−3 grams.", "2.5×10−3 grams", 2.5e-3, "gram", "mass", 2.5e-6,
     "kilogram"),
    ("A 4 x 10 metre tent was set up.", "10 metre", 10, "metre", "length", 10, "metre"),
    ("Signals move at 3×10⁸ metres per second.", "3×10⁸ metres per second", 3e8,
     "metre per second", "speed", 3e8, "metre per second"),
    ("A sack of rice sold at KSh 3,450 in Kisumu.", "KSh 3,450", 3450, "kenyan shilling",
     "money", 3450, "KES"),
    ("The board approved Tsh 12.5 billion for roads.", "Tsh 12.5 billion", 12.5e9,
     "tanzanian shilling", "money", 12.5e9, "TZS"),
    ("Grants of ₦ 45,000 reached each cooperative.", "₦ 45,000", 45000, "nigerian naira",
     "money", 45000, "NGN"),
    ("The scheme reached 2,07,315 farmers in March.", "2,07,315", 207315, None, "count",
     207315, None),
    ("Nearly 3.2 lakh pilgrims visited the shrine.", "3.2 lakh", 320000, None, "count", 320000,
     None),
    ("The price index stood at 121.35 in June.", "121.35", 121.35, None, "other", 121.35, None),
    ("The district sanctioned Rs 12 crore for drains.", "Rs 12 crore", 1.2e8, "indian rupee",
     "money", 1.2e8, "INR"),
    ("Of the new cases, Lagos reported 820, Kano 412, Rivers 207 and Oyo 96.", "96", 96,
     None, "count", 96, None),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind", "norm", "norm_unit"),
    CLAIMS,
    ids=[c[1] for c in CLAIMS],
)
def test_claims(
    extract_text: Extract,
    text: str,
    surface: str,
    value: float,
    unit: str | None,
    kind: str,
    norm: float,
    norm_unit: str | None,
) -> None:
    extraction = extract_text(text)
    claim = claim_at(extraction, surface)
    assert claim.text == text[claim.start : claim.end]
    assert claim.value == pytest.approx(value)
    assert (claim.unit, claim.kind) == (unit, kind)
    assert claim.normalized.value == pytest.approx(norm)
    assert claim.normalized.unit == norm_unit


# text, a number in it that must not become a claim
NOT_CLAIMS = [
    ("Crime fell in 2019 compared with 2018.", "2019"),
    ("Call the Service 102 line for help.", "102"),
    ("Under Article 234 of the Code, 15 people were charged.", "234"),
    ("The meeting held a minute of silence.", "minute"),
    ("It was one of the most difficult years.", "one"),
    ("She preferred a formal one.", "one"),
    ("Over 6 months of 2019 theft declined.", "6"),
    ("In the past 10 years arrests doubled.", "10"),
    ("About 10 murders were recorded over the three months.", "three"),
    ("Thefts rose 4% in the 12 months to March.", "12"),
    ("The six months to 30 June saw 400 arrests.", "six"),
    ("The 3rd district reported few thefts.", "3"),
    ("Phone (212) 555-0199 for details.", "555"),
    ("Call the hotline 1-800-555-0188 any time.", "1"),
    ("The office opens at 9:30 a.m. daily.", "9"),
    ("On March 14 the board met.", "14"),
    ("The report is dated 14.03.2021.", "14"),
    ("Accidents happened on level 2 of the car park.", "2"),
    ("Wards for COVID-19 patients reopened.", "19"),
    ("In an emergency, dial 112 at once.", "112"),
    ("Drivers should call 000 or the police on 131 444.", "131"),
    ("Parents can ring the 1098 childline at night.", "1098"),
    ("Tips go to Freephone 0800 123 4567 anonymously.", "123"),
    ("The 311 non-emergency line takes reports.", "311"),
    ("Report crime anonymously on 08600 10111.", "10111"),
    ("Crashes on the R21 rose by 12 in South Africa.", "21"),
    ("Kenyan researchers put R0 at 2.5 and the R 2 value at 0.4.", "0"),
    ("Kenya spent R12,500 on it.", "12,500"),
    ("Ring the advice line on 1300 60 60 24 at any time.", "24"),
    ("Call Lifeline on 13 11 14 tonight.", "11"),
    ("Nurses in Lagos wore N95 masks on the N1 road.", "95"),
    ("Nurses in Lagos wore N95 masks on the N1 road.", "1"),
    ("To report a drunk driver, dial *333 from your phone, or 999 if someone is hurt.", "333"),
    ("To report a drunk driver, dial *333 from your phone, or 999 if someone is hurt.", "999"),
    ("Residents can phone the council hotline at 4021 7788 on weekdays.", "4021"),
    ("Residents can phone the council hotline at 4021 7788 on weekdays.", "7788"),
    ("A lorry overturned on Interstate 40 near milepost 88 and Interstate 85.", "40"),
    ("A lorry overturned on Interstate 40 near milepost 88 and Interstate 85.", "88"),
    ("A lorry overturned on Interstate 40 near milepost 88 and Interstate 85.", "85"),
    ("Every one of the bridges was inspected.", "one"),
    ("In one case, a trader was fined.", "one"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "number"), NOT_CLAIMS, ids=[n[0][:30] for n in NOT_CLAIMS])
def test_not_claims(extract_text: Extract, text: str, number: str) -> None:
    extraction = extract_text(text)
    start = text.index(number)
    assert not [c for c in extraction.claims if c.start <= start < c.end], extraction.claims


@pytest.mark.slow
def test_range_has_both_ends(extract_text: Extract) -> None:
    extraction = extract_text("Sentences ranged from 3 to 8 years.")
    claim = claim_at(extraction, "3 to 8 years")
    assert claim.range is not None
    assert (claim.range.low, claim.range.high) == (3, 8)
    assert claim.kind == "duration"


@pytest.mark.slow
def test_transition_is_two_claims(extract_text: Extract) -> None:
    extraction = extract_text("Trust in the police went from 45 to 70% this year.")
    first = claim_at(extraction, "45")
    second = claim_at(extraction, "70%")
    assert first is not second
    assert first.kind == second.kind == "percent"


@pytest.mark.slow
def test_output_is_deterministic(extract_text: Extract) -> None:
    text = "Over 1,200 kg of drugs were seized and 38 people were arrested, 12% more than in 2020."
    first = extract_text(text).model_dump_json()
    assert extract_text(text).model_dump_json() == first
