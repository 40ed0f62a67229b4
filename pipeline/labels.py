"""The label vocabularies of the extraction contract (``docs/EXTRACTION.md``)."""

from __future__ import annotations

ROLES = (
    "police_and_crime_commissioner", "deputy_police_and_crime_commissioner", "chief_constable",
    "deputy_chief_constable", "assistant_chief_constable", "police_officer", "police_staff",
    "federation_representative", "politician", "other",
)
MONEY_KINDS = ("savings", "budget", "budget_reduction", "funding_gap", "spending", "other")
FUNCTIONS = (
    "major_crime", "serious_organised_crime", "counter_terrorism", "civil_contingencies",
    "disaster_victim_identification", "custody", "criminal_justice", "ict", "information_management",
    "contact_management", "hr", "finance", "procurement", "fleet", "estates", "legal",
    "professional_standards", "training", "firearms", "firearms_licensing", "crime_recording", "forensics",
    "dogs", "roads_policing", "operational_support", "intelligence", "public_protection", "local_policing",
    "back_office",
)
FUNCTION_STATUSES = ("shared", "proposed", "excluded")
JOB_STANCES = ("concern", "possible", "uncertain", "ruled_out", "confirmed")
