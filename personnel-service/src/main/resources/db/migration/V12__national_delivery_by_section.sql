-- A batch of enrolment events compares each new turn with what the person's national file last recorded for the
-- PERSON and LEVEL sections and for that turn (NationalChanges.lastRecorded). Through national_delivery_person
-- (person, sequence) it read every delivery the person ever had, ten TRAINING sections of 1.4 KB for a person with ten
-- turns: the largest statement of personnel's database while a million turns were imported. Indexed by section and
-- key, it reads only the sections it compares; the index serves the person's deliveries in sequence order as well
-- (a person has dozens, sorted in memory), and the foreign key to person.
create index national_delivery_section on national_delivery (person_id, section, section_key, sequence);
drop index national_delivery_person;
