package vn.gov.training.course.domain;

/** What a learner receives on completion (bằng, chứng chỉ, giấy chứng nhận). */
public enum Credential {
    DIPLOMA, CERTIFICATE, ATTESTATION, NONE
}
