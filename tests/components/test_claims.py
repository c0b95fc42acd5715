"""Gold table for pressfacts_claims: qualifier, change, measure, rate base and 'of'."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.schema import Extraction

from .helpers import claim_at

Extract = Callable[..., Extraction]

# text, surface, qualifier, change direction, a word the measure must contain
CONTEXT = [
    ("In 2021, 18,240 offences were registered.", "18,240", None, None, "offence"),
    ("Police registered over 9,100 burglaries.", "9,100", "more_than", None, "burglar"),
    ("Nearly 4,000 drivers were fined.", "4,000", "nearly", None, "driver"),
    ("About 350 officers joined the operation.", "350", "about", None, "officer"),
    ("At least 12 suspects were detained.", "12", "at_least", None, "suspect"),
    ("Fines of $2,000 or less were waived.", "$2,000", "at_most", None, None),
    ("The contract was worth about $4.5 million.", "$4.5 million", "about", None, None),
    ("Tickets cost under €30 each.", "€30", "less_than", None, None),
    ("Car thefts decreased by 6.2 percent.", "6.2 percent", None, "decrease", "theft"),
    ("Frauds went up 14%.", "14%", None, "increase", "fraud"),
    ("Arson fell 3% and vandalism 5%.", "5%", None, "decrease", "vandalism"),
    ("Robberies declined by 4%, assaults by 2.5% and thefts by 1%.", "2.5%", None, "decrease",
     "assault"),
    ("Traffic deaths were 9.4% lower than a year earlier.", "9.4%", None, "decrease", "death"),
    ("The police recorded 7% fewer break-ins.", "7%", None, "decrease", "break"),
    ("There was a 2% decline in shoplifting.", "2%", None, "decrease", "shoplifting"),
    ("Arrests showed an annual rise of 11%.", "11%", None, "increase", None),
    ("Seizures (+23%) kept growing.", "+23%", None, "increase", "seizure"),
    ("Patrols found 180 kilograms more heroin than in 2020.", "180 kilograms", None,
     "increase", None),
    ("Cyber crime increased in 2 times.", "2 times", None, "increase", "crime"),
    ("The unit solved 415 cases.", "415", None, None, "case"),
    ("The province lost 57 lives on its roads last year.", "57", None, None, "li"),
    ("The index lost 57 points on Friday.", "57", None, "decrease", None),
    ("Online fraud cases exceeded 4 300 last year.", "4 300", "more_than", None, "fraud"),
    ("Police registered 9 604 crimes, which is 634 crimes fewer than in 2020.", "634", None,
     "decrease", "crime"),
    ("Police registered 9 604 crimes, which is 6,2 percent or 634 crimes fewer than in 2020.",
     "6,2 percent", None, "decrease", "crime"),
    ("The toll exceeded the 2022 total by 38.", "38", None, "increase", None),
    ("The new depot is worth £3m. Building starts in June.", "£3m", None, None, "depot"),
    ("CITY POLICE RECORD 418 BURGLARIES IN MAY\n\nBurglaries fell.", "418", None, None,
     "burglar"),
    ("The Northern Regional Command registered 6 310 offences, the Southern Command 4 205.",
     "4 205", None, None, None),
    ("In 2022 police registered 38 120 offences, which is 1 904, or 4,8%, fewer than in 2021.",
     "4,8%", None, "decrease", "offence"),
    ("Eight people died, nine fewer than in 2021, and 3 915 drivers were detained.", "3 915",
     None, None, "driver"),
    ("Payrolls grew by 2,100, below the 6,300 added in April.", "6,300", None, "increase", None),
    ("Fire crews will spend $9 million on wildfire training.", "$9 million", None, None,
     "wildfire training"),
    ("The council will set aside €4.5 million in 2026 for flood barriers.", "€4.5 million", None,
     None, "flood barrier"),
    ("The storms destroyed 310 homes and damaged 2,450 across the region.", "2,450", None, None,
     "damaged"),
    ("# Exports climbed in May as prices rose\n\n## Trade\n\nTotal shipments (excluding "
     "re-exports) grew by 4,100 in the second quarter.", "4,100", None, "increase", "shipment"),
    ("# Jobs growth slowed in Q2 as layoffs rose\n\n## Jobs\n\nTotal employment (excluding "
     "seasonal workers) grew by 4,100 in the second quarter.", "4,100", None, "increase",
     "employment"),
    ("Ghana exported goods worth $1.72 billion to India.", "$1.72 billion", None, None,
     "export"),
    ("Lagos recorded the most cases, 412, followed by Kano with 207.", "207", None, None, "kano"),
    ("Forty-one of the 190 riders who were hurt, or 22 per cent, were not wearing a helmet.",
     "22 per cent", None, None, "helmet"),
    ("Of these, 9,114 callers (71.2%) were answered within a minute.", "71.2%", None, None,
     "answered"),
    ("Hospital East had 2,210 visits (54.0% within four hours).", "54.0%", None, None, "visit"),
    ("Greater Manchester recorded the most burglaries, 3,120, of which 12.5% were solved.",
     "3,120", None, None, "burglar"),
    ("STATE STATISTICS OFFICE\nMedia note\n\nLusaka, 4 June\n\nZambia's copper output reached "
     "812,000 tonnes in 2023. This was 6.1% above the year before.", "6.1%", None, "increase",
     "copper"),
    ("STATE STATISTICS OFFICE\nMedia note\n\nLusaka, 4 June\n\nZambia's copper output reached "
     "812,000 tonnes in 2023.", "812,000 tonnes", None, None, "copper"),
    ("1 ton 120 kg of cocaine was destroyed.", "1 ton 120 kg", None, None, "cocaine"),
    ("Burglaries: 1,204 (-3.5%)\nArson: 88 (+4%)\n", "-3.5%", None, "decrease", "burglar"),
    ("- arson: an 8% rise\n", "8%", None, "increase", "arson"),
    ("Officers recorded 31,200 offences, 2.4 percent fewer than a year before.", "2.4 percent",
     None, "decrease", "offence"),
    ("In 2022, 7,410 offences were recorded, 312 or 4.0 percent more than in 2021.", "312", None,
     "increase", "offence"),
    ("Detectives solved 5,120 cases, raising the clearance rate to 61.3 percent.",
     "61.3 percent", None, None, "clearance"),
    ("A total of 9,880 offences were solved (58.1 percent).", "58.1 percent", None, None, "solv"),
    ("The court imposed $250,000 in fines on the company.", "$250,000", None, None, "fine"),
    ("The smuggler was sentenced to 7 years and 3 months in prison.", "7 years and 3 months",
     None, None, "prison"),
    ("Last month 41 cyclists died in collisions.", "41", None, None, "died"),
    ("The number of pupils vaccinated against measles rose by 3.2 percent.", "3.2 percent", None,
     "increase", "vaccinated"),
    ("The unit logged 12% fewer street robberies and 4% fewer car thefts.", "12%", None,
     "decrease", "robber"),
    ("Acme, which employs 1,450 engineers in Ohio, expanded.", "1,450", None, None, "acme"),
    ("Half the apartments have been sold.", "Half", None, None, "apartment"),
    ("The store reported sales of 4,210 units.", "4,210", None, None, "unit (sales"),
    ("Two of Smith's aides resigned.", "Two", None, None, "smith"),
    ("She averaged 6.1 rebounds over the season.", "6.1", None, None, "rebound"),
    ("The team gave up 312 passing yards.", "312", None, None, "yard"),
    ("The striker added a 25 metre goal.", "25 metre", None, None, "goal"),
    ("Exports grew a modest 3% last year.", "3%", None, "increase", "export"),
    ("The March wheat contract was up 12 cents.", "12 cents", None, "increase", "contract"),
    ("Its shares have climbed 4% since May.", "4%", None, "increase", "share"),
    ("The biggest gain of 2.4% came in April.", "2.4%", None, "increase", "gain"),
    ("The firm is putting 2 million shares up for sale.", "2 million", None, None, "share"),
    ("Chipmakers will produce sub-7 nanometre chips.", "7 nanometre", "less_than", None, "chip"),
    ("Dairy margins were between 4% and 5%, and fats between 6% and 7%.", "6% and 7%", None,
     None, "fat"),
    ("Thefts were 22 last week, against an average of 20 per week.", "20 per week", None, None,
     "theft"),
    ("Fines in Lora reached four times the national average.", "four times", None, None,
     "national average"),
    ("Police recorded 4,800 offences in the year to March 2016, which is an annual rise of 9%.",
     "9%", None, "increase", "offence"),
    ("Inspectors logged 8,240 complaints in 2023, down 3.1% or 262 cases on 2022.", "3.1%", None,
     "decrease", "complaint"),
    ("Retailers reported 1,530 robberies in May, up 12% from 1,366 a year before.", "1,366",
     None, None, "robber"),
    ("Offences fell to 9,100. Car theft accounted for 702 of these, 45 fewer than in 2022.",
     "702", None, None, "car theft"),
    ("Our depots were flooded 9 times this winter.", "9 times", None, None, "flooded"),
    ("The region had 3,100 cases, an increase of 24 per cent in measles cases.", "24 per cent",
     None, "increase", "measles"),
    ("The county has allocated Rs 2.5 crore for drainage and road repairs.", "Rs 2.5 crore",
     None, None, "drainage"),
    ("More than 1.2 million doses were given.", "1.2 million", "more_than", None, "dose"),
    ("By June, 28.9% of Victorians had received a flu vaccine.", "28.9%", None, None,
     "vaccine"),
    ("Before seasonal adjustment, 121,500 persons were unemployed.", "121,500", None, None,
     "unemployed"),
    ("The jobless rate in Ghana was 14.7% in March. The rate was 13.9% a year earlier.",
     "13.9%", None, None, "jobless"),
    ('Analyst Ann Bell said: "Inflation eased. Since May, however, it has risen by 0.3 points."',
     "0.3 points", None, "increase", "inflation"),
    ("The average wait on the help line was nearly three minutes.", "three minutes", "nearly",
     None, "wait"),
    ("Of the 900 drivers stopped, 610 were fined and 35 were recorded as repeat offenders.",
     "35", None, None, "repeat offender"),
    ("Of the 5,200 traders checked, 3,100 were street vendors and 940 were classified as large "
     "importers.", "940", None, None, "importer"),
    ("Jobless claims stood at 9,100 in May. This was a decrease of 430 on the April figure.", "430",
     None, "decrease", "jobless"),
    ("The council has committed $4.7 million to free vaccines.", "$4.7 million", None, None,
     "vaccine"),
    ("Officials will spend R1.35 billion on forensic laboratories.", "R1.35 billion", None, None,
     "laborator"),
    ("The ministry set aside $2 million towards flood relief.", "$2 million", None, None,
     "flood"),
    ("Among the regions, Tartu counted 1,204 burglaries, Pärnu 988 and Narva 412.", "988",
     None, None, "pärnu"),
    ("Transport Canada – Bulletin: Road collisions in Canada, 2023\n\nby Jane Roe, Centre for "
     "Road Safety Statistics\n\nKey findings\n\n• The Collision Severity Index (CSI), which "
     "tracks reported collisions, rose from 61.2 in 2022 to 64.0 in 2023.", "61.2", None, None,
     "severity"),
    ("For robbery and arson, the ministry recorded a decrease of 4.2% in 2023.", "4.2%", None,
     "decrease", "robbery"),
    ("UGANDA BUREAU OF STATISTICS\nConsumer Price Index for March 2024\n\nKAMPALA, 28 March "
     "2024 – The annual headline inflation, measured by the Consumer Price Index, eased to 3.3 "
     "percent in March 2024.", "3.3 percent", None, None, "inflation"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "direction", "keyword"),
    CONTEXT,
    ids=[c[0][:40] for c in CONTEXT],
)
def test_context(
    extract_text: Extract,
    text: str,
    surface: str,
    qualifier: str | None,
    direction: str | None,
    keyword: str | None,
) -> None:
    claim = claim_at(extract_text(text), surface)
    assert claim.qualifier == qualifier
    assert (claim.change.direction if claim.change else None) == direction
    if keyword is not None:
        assert keyword in (claim.measure or "").lower()


# text, surface, words the measure must contain (what is counted, whose figure it is), and not
HOLDERS = [
    ("The Hartley Group employs 3,400 people in Leeds.", "3,400", "hartley", None),
    ("Marta Lind rushed for 142 yards and threw two touchdowns.", "142", "marta lind", None),
    ("The freighter was sailing at a speed of 14 knots when the storm hit.", "14 knots",
     "freighter", None),
    ("The ministry said the fund lost 12 million euros.", "12 million euros", "fund",
     "ministry"),
    ("Northfield is home to about 80 fishing boats.", "80", "northfield", None),
    ("In 2021, 18,240 offences were registered.", "18,240", "offence", "("),
    ("Top scorers: Ann Dahl (31 goals), Eva Holm (27 goals).", "27", "eva holm", "dahl"),
    ("It beats the old phone with 2,900 mAh.", "2,900 mAh", "phone", None),
    ("The chef served a four course dinner.", "four", "dinner", None),
    ("Analysts expect the unemployment figures to reach 4.1%.", "4.1%", "unemployment", None),
    ("The dealer is selling the used van for $8,400.", "$8,400", "van", None),
    ("Growth across the region slowed by 0.4 percent.", "0.4 percent", "growth across", None),
    ("Officers found 312 people who were homeless.", "312", "people homeless", None),
    ("The agency paid grants ranging from $50 to $500.", "$50 to $500", "grant", None),
    ("The shop sells flower products priced at $10 per gram.", "$10 per gram", "flower", None),
    ("Cameras installed on roads recorded 860 violations.", "860", "camera", "road"),
    ("Officials approved investments over 35 million euros.", "35 million euros", "investment",
     None),
    ("A total of 26,004 crimes were registered.", "26,004", "crime", "total"),
    ("For the first time, the agency recorded 120 seizures.", "120", "seizure", "time"),
    ("Officers recorded 31,200 thefts, down 4% or 1,300 cases on 2022.", "1,300", "theft",
     None),
    ("The force answered 8,950 calls, 91.2% of them on time.", "8,950", "call", "%"),
    ("Ms Lind, 58, now faces the task of mending ties with Acme, which is 43.4 percent-owned by "
     "Vesta.", "43.4 percent", "acme", "lind"),
    ("Online shop Kobo.com, an authorised dealer, is selling the basic version of the Lumo 5 "
     "phone for 2,199 yuan after a discount.", "2,199 yuan", "lumo phone", None),
    ("Drink driving was a factor in 41 crashes, or 30% of the total, and fatigue in 17.", "17",
     "fatigue", "drink"),
    ("The north accounted for 6,120 infections, or 80% of the total, and the south for the "
     "remaining 1,530.", "1,530", "infection (south)", "north"),
    ("Thefts fell by 5%, robberies by 3% and frauds by 2%.", "3%", "robber", "theft"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "keyword", "absent"), HOLDERS, ids=[h[0][:40] for h in HOLDERS]
)
def test_measure_names_whose_figure_it_is(
    extract_text: Extract, text: str, surface: str, keyword: str, absent: str | None
) -> None:
    measure = (claim_at(extract_text(text), surface).measure or "").lower()
    assert keyword in measure
    if absent is not None:
        assert absent not in measure


@pytest.mark.slow
def test_share_points_to_its_total(extract_text: Extract) -> None:
    extraction = extract_text("In total 5,200 crimes were registered; 64.5% of them were thefts.")
    total = claim_at(extraction, "5,200")
    share = claim_at(extraction, "64.5%")
    assert share.of == total.id
    assert "theft" in (share.measure or "")


@pytest.mark.slow
def test_rate_has_a_base(extract_text: Extract) -> None:
    extraction = extract_text("The region recorded 312 offences per 100,000 residents.")
    claim = claim_at(extraction, "312")
    assert claim.kind == "rate"
    assert claim.per is not None
    assert (claim.per.value, claim.per.unit) == (100000, "residents")


@pytest.mark.slow
def test_restatement_keeps_measure_and_qualifier(extract_text: Extract) -> None:
    extraction = extract_text("The drone flew more than 40 miles (64 km) over the border.")
    miles = claim_at(extraction, "40 miles")
    km = claim_at(extraction, "64 km")
    assert miles.qualifier == km.qualifier == "more_than"
    assert km.measure == miles.measure


@pytest.mark.slow
@pytest.mark.parametrize(
    ("surface", "value", "direction"),
    [
        ("-412", 412, "decrease"),
        ("-3,1%", 3.1, "decrease"),
        ("+56", 56, "increase"),
        ("-5 degrees", -5, None),
    ],
    ids=["signed count", "signed percent with decimal comma", "plus sign", "negative level"],
)
def test_signed_change_is_stated_as_its_size(
    extract_text: Extract, surface: str, value: float, direction: str | None
) -> None:
    text = "Thefts totalled 12,990 (-412; -3,1%) and frauds 1,204 (+56). It was -5 degrees.\n"
    claim = claim_at(extract_text(text), surface)
    assert claim.value == value
    assert claim.value_text == surface.split()[0].rstrip("%")
    assert (claim.change.direction if claim.change else None) == direction


@pytest.mark.slow
def test_measure_names_a_place_once(extract_text: Extract) -> None:
    claim = claim_at(extract_text("In Tbilisi, police detained 1,204 suspects."), "1,204")
    assert (claim.measure or "").count("Tbilisi") == 1
