"""Whole releases in the styles of other ministries: every entity a reader would list.

The texts are our own, written for these tests. Each table row is a release and the exact set
of (label, canonical name) a careful reader lists: each distinct person, organisation and
country or city by its fullest name, a country named inside an organisation's "of ..." included.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.schema import Extraction

Extract = Callable[..., Extraction]

POLICE_UK = """NORTHSHIRE CONSTABULARY
Press Office

Lowbridge, 3 May 2024

Forty-six people arrested in a week of action on drug dealing

Officers from Northshire Constabulary arrested 46 people during a week of action against drug \
dealing in Lowbridge and Harwick. Detective Chief Inspector Sarah Whitfield, who led the \
operation, said that 31 of them had already been charged.

"This sends a clear message to dealers," DCI Whitfield said. The operation was supported by \
the National Crime Agency and British Transport Police.
"""

HEALTH_INDIA = """Ministry of Health and Family Welfare
Government of India

New Delhi, 14 February 2024

Union Health Minister reviews the tuberculosis programme

Union Minister of Health and Family Welfare Dr Arvind Menon today chaired a review of the \
National Tuberculosis Elimination Programme. He said that 25.5 lakh cases were notified in \
2023. Officials of the Indian Council of Medical Research and the World Health Organization \
attended the meeting. Dr Menon noted that most cases were notified in Uttar Pradesh and \
Maharashtra.
"""

STATISTICS_KENYA = """Kenya National Bureau of Statistics

Nairobi, 30 April 2024

Consumer prices rose by 5.0 percent in April

The Kenya National Bureau of Statistics (KNBS) reported that consumer prices across Kenya \
rose by 5.0 percent in the year to April 2024. Food prices in Mombasa rose faster than the \
national average. "Fuel costs eased in April," said Director General Grace Wanjiru. KNBS will \
publish the May figures on 31 May.
"""

PROSECUTOR_US = """FOR IMMEDIATE RELEASE
Thursday, June 6, 2024

Dayton Man Sentenced to 15 Years for Fentanyl Trafficking

COLUMBUS, Ohio - A Dayton man was sentenced today to 180 months in federal prison for \
distributing fentanyl, announced Acting U.S. Attorney Kenneth L. Parker.

According to court documents, Marcus Reed, 34, sold more than 400 grams of fentanyl between \
2021 and 2023. The Drug Enforcement Administration (DEA) and the Dayton Police Department \
investigated the case. Assistant U.S. Attorney Emily Chu prosecuted it. Reed was also ordered \
to forfeit $25,000.
"""

CUSTOMS_UKRAINE = """State Customs Service of Ukraine

Kyiv, 2 October 2023

Customs officers seized 1.2 tonnes of cigarettes in September

In September, customs officers in the Volyn region seized 1.2 tonnes of cigarettes bound for \
Poland. Head of the State Customs Service Oleksandr Tkachuk said that smuggling attempts fell \
by 14 percent compared with August. The goods were handed over to the Bureau of Economic \
Security of Ukraine.
"""

PROSECUTOR_MOLDOVA = """PROSECUTOR GENERAL'S OFFICE OF THE REPUBLIC OF MOLDOVA

Chisinau, 11 March 2024

Prosecutors sent 27 corruption cases to court in February

In February, anti-corruption prosecutors sent 27 criminal cases to court, four of them \
against officials in the Cahul and Soroca districts. In one case, the former mayor of the \
town of Leova, Vasile Rusu, is accused of taking a bribe of 40,000 lei. Prosecutor General \
Ion Munteanu said that the number of cases sent to court had doubled.
"""

HEALTH_NIGERIA = """Nigeria Centre for Disease Control and Prevention

Abuja, 20 January 2024

Lassa fever: 195 confirmed cases in three weeks

The Nigeria Centre for Disease Control and Prevention (NCDC) has recorded 195 confirmed cases \
of Lassa fever across Nigeria since the start of the year. Most cases were reported in the \
city of Owo and in Bauchi. The Director General of the NCDC, Dr Ngozi Okafor, urged health \
workers to wear protective equipment.
"""

STATISTICS_LATVIA = """CENTRAL STATISTICAL BUREAU OF LATVIA

Riga, 9 May 2024

Industrial production rose by 2.1 percent in March

According to the Central Statistical Bureau, industrial output in March was 2.1 percent \
higher than a year earlier. Output grew fastest in Daugavpils. "Manufacturing drove the \
growth," said Anna Kalnina, Head of the Industry Statistics Section.
"""

RELEASES = [
    pytest.param(
        POLICE_UK,
        {
            ("ORG", "Northshire Constabulary"),
            ("GPE", "Lowbridge"),
            ("GPE", "Harwick"),
            ("PERSON", "Sarah Whitfield"),
            ("ORG", "National Crime Agency"),
            ("ORG", "British Transport Police"),
        },
        "Northshire Constabulary",
        id="police-uk",
    ),
    pytest.param(
        HEALTH_INDIA,
        {
            ("ORG", "Ministry of Health and Family Welfare"),
            ("ORG", "Government of India"),
            ("GPE", "India"),
            ("GPE", "New Delhi"),
            ("PERSON", "Arvind Menon"),
            ("ORG", "Indian Council of Medical Research"),
            ("ORG", "World Health Organization"),
            ("GPE", "Uttar Pradesh"),
            ("GPE", "Maharashtra"),
        },
        "Ministry of Health and Family Welfare",
        id="health-india",
    ),
    pytest.param(
        STATISTICS_KENYA,
        {
            ("ORG", "Kenya National Bureau of Statistics"),
            ("GPE", "Kenya"),
            ("GPE", "Nairobi"),
            ("GPE", "Mombasa"),
            ("PERSON", "Grace Wanjiru"),
        },
        "Kenya National Bureau of Statistics",
        id="statistics-kenya",
    ),
    pytest.param(
        PROSECUTOR_US,
        {
            ("GPE", "Dayton"),
            ("GPE", "Columbus"),
            ("GPE", "Ohio"),
            ("PERSON", "Kenneth L. Parker"),
            ("PERSON", "Marcus Reed"),
            ("ORG", "Drug Enforcement Administration"),
            ("ORG", "Dayton Police Department"),
            ("PERSON", "Emily Chu"),
        },
        None,
        id="prosecutor-us",
    ),
    pytest.param(
        CUSTOMS_UKRAINE,
        {
            ("ORG", "State Customs Service of Ukraine"),
            ("GPE", "Ukraine"),
            ("GPE", "Kyiv"),
            ("GPE", "Volyn region"),
            ("GPE", "Poland"),
            ("PERSON", "Oleksandr Tkachuk"),
            ("ORG", "Bureau of Economic Security of Ukraine"),
        },
        "State Customs Service of Ukraine",
        id="customs-ukraine",
    ),
    pytest.param(
        PROSECUTOR_MOLDOVA,
        {
            ("ORG", "Prosecutor General's Office of the Republic of Moldova"),
            ("GPE", "Republic of Moldova"),
            ("GPE", "Chisinau"),
            ("GPE", "Cahul"),
            ("GPE", "Soroca"),
            ("GPE", "Leova"),
            ("PERSON", "Vasile Rusu"),
            ("PERSON", "Ion Munteanu"),
        },
        "Prosecutor General's Office of the Republic of Moldova",
        id="prosecutor-moldova",
    ),
    pytest.param(
        HEALTH_NIGERIA,
        {
            ("ORG", "Nigeria Centre for Disease Control and Prevention"),
            ("GPE", "Nigeria"),
            ("GPE", "Abuja"),
            ("GPE", "Owo"),
            ("GPE", "Bauchi"),
            ("PERSON", "Ngozi Okafor"),
        },
        "Nigeria Centre for Disease Control and Prevention",
        id="health-nigeria",
    ),
    pytest.param(
        STATISTICS_LATVIA,
        {
            ("ORG", "Central Statistical Bureau of Latvia"),
            ("GPE", "Latvia"),
            ("GPE", "Riga"),
            ("GPE", "Daugavpils"),
            ("PERSON", "Anna Kalnina"),
            ("ORG", "Industry Statistics Section"),
        },
        "Central Statistical Bureau of Latvia",
        id="statistics-latvia",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "entities", "issuer"), RELEASES)
def test_release_entities(
    extract_text: Extract, text: str, entities: set[tuple[str, str]], issuer: str | None
) -> None:
    extraction = extract_text(text)
    assert {(e.label, e.name) for e in extraction.entities} == entities
    assert extraction.release.issuer == issuer
