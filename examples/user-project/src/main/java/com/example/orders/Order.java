package com.example.orders;

/** An order to confirm by phone. */
public record Order(String phone, String name, String awb) {}
