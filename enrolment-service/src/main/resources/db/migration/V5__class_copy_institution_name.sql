-- The institution's name beside its code (issue 16): course-service's class events carry it (institutionName), and
-- enrolment events pass code and name on (personnel-service puts them in the national file's training history).
-- Classes copied before stay without a name until their next class event.
alter table class_copy add column institution_name varchar(300);
