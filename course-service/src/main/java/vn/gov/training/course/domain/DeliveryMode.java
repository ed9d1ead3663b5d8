package vn.gov.training.course.domain;

/** How a programme is delivered (tập trung, không tập trung, tập huấn, hội thảo, trực tuyến). */
public enum DeliveryMode {
    CONCENTRATED, PART_TIME, WORKSHOP, SEMINAR, ONLINE
}
